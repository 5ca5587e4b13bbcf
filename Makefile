# tendlc.twilio developer commands. Each runs scripts/setup first (idempotent: creates .venv with Python 3.11,
# installs what the command needs, links the collection under .build/collections, where ansible.cfg finds it).
#   make demo       the main job: against the local emulator, audit, roll out to the example inventory twice, audit again
#   make emulator   the local emulator in the background, for running the playbooks by hand (make emulator-stop ends it)
#   make test       every test stage of tests/run
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help setup setup-test demo emulator emulator-stop test molecule sanity lint docs changelog build clean

help:
	@printf '%s\n' \
	  'make demo           set up, then audit, roll out twice and audit again the example inventory against the local emulator' \
	  'make emulator       start the local emulator in the background (example seed and drift, http://127.0.0.1:8089)' \
	  'make emulator-stop  stop the emulator that make emulator started' \
	  'make test           set up, then run every test stage (tests/run: unit schemathesis integration molecule sanity lint docs changelog build)' \
	  'make molecule       molecule test: extensions/molecule against the local emulator' \
	  'make setup          create/refresh .venv with what the demo needs (twilio, ansible-core) and .build/collections' \
	  'make setup-test     the same, plus the test, lint, docs and changelog tools (tests/requirements.txt)' \
	  'make sanity         ansible-test sanity --python 3.11' \
	  'make lint           ansible-lint (production profile) and shellcheck' \
	  'make docs           regenerate the module reference in docs/modules/' \
	  'make changelog      antsibull-changelog lint' \
	  'make build          build, install and smoke-test the collection tarball' \
	  'make clean          remove .build/ (keeps .venv; stops the emulator of make emulator first)'

setup:
	@bash scripts/setup

setup-test:
	@bash scripts/setup --test

demo: setup
	@bash scripts/demo

emulator: setup
	@bash scripts/emulator start

emulator-stop:
	@bash scripts/emulator stop

test: setup-test
	@bash tests/run

molecule: setup-test
	@bash tests/run molecule

sanity: setup-test
	@bash tests/run sanity

lint: setup-test
	@bash tests/run lint

docs: setup-test
	@bash scripts/docs

changelog: setup-test
	@bash tests/run changelog

build: setup-test
	@bash tests/run build

clean:
	@bash scripts/emulator stop
	rm -rf .build
