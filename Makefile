# tendlc.twilio developer commands. Each runs scripts/setup first (idempotent:
# creates .venv with Python 3.11, installs requirements, links the collection).
#   make demo   the main job: against the local emulator, audit, roll out to the example inventory twice, audit again
#   make test   every test: unit, integration, molecule, sanity, lint, docs, changelog, build (tests/run)
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help setup demo test molecule sanity lint docs changelog build clean

help:
	@printf '%s\n' \
	  'make demo       set up, then audit, roll out twice and audit again the example inventory against the local emulator' \
	  'make test       set up, then run every test stage (tests/run)' \
	  'make molecule   molecule test: extensions/molecule against the local emulator' \
	  'make setup      create/refresh .venv and .build/collections' \
	  'make sanity     ansible-test sanity --python 3.11' \
	  'make lint       ansible-lint (production profile) and shellcheck' \
	  'make docs       regenerate the module reference in docs/modules/' \
	  'make changelog  antsibull-changelog lint' \
	  'make build      build, install and smoke-test the collection tarball' \
	  'make clean      remove .build/ (keeps .venv)'

setup:
	@bash scripts/setup

demo: setup
	@bash scripts/demo

test: setup
	@bash tests/run

molecule: setup
	@bash tests/run molecule

sanity: setup
	@bash tests/run sanity

lint: setup
	@bash tests/run lint

docs: setup
	@bash scripts/docs

changelog: setup
	@bash tests/run changelog

build: setup
	@bash tests/run build

clean:
	rm -rf .build
