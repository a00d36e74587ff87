# Build hooks for `sam build` (template.yaml: `CodeUri: .` and `Metadata: BuildMethod: makefile` on every function).
#
# SAM CLI runs, once per function:   make --makefile <repo>/Makefile build-<FunctionLogicalId>
#   - the working directory is a scratch copy of the repository (without .git and .aws-sam), or the repository
#     itself with `sam build --build-in-source`;
#   - ARTIFACTS_DIR (in the environment) is .aws-sam/build/<FunctionLogicalId>; what the recipe puts there becomes
#     the function's .zip.
# SAM never shares or caches makefile builds, so each target hands its module to scripts/build-function.sh, which
# builds all five function jars in one Maven run (-pl <modules> -am package: the parent pom, local-dynamodb and
# common from source, nothing from a previous `mvn install`) with the Maven wrapper, keeps them in a cache outside
# the checkout keyed by a hash of every build input (LAMBDA_BUILD_CACHE, default ~/.cache/todo-api/lambda-jars), and
# puts the module's self-contained (shaded) jar in lib/, which the Lambda Java runtime puts on the class path
# (/var/task/lib/*.jar). The first target of a `sam build` builds; the other four, and any later build of the same
# sources, copy from the cache (a lock makes `sam build --parallel` build once too).
# Measured with SAM CLI 1.164.0 on a 2-vCPU VM (2026-12-06): a fresh clone with a warm ~/.m2 takes 27 s, a repeat
# without changes 4.7 s (a Maven run per function took 77 s and 81 s); docs/deploy.md, section 2.
#
# MVN_ARGS skips the tests and Error Prone (./mvnw verify runs both) and the npm install of the local test engine,
# so that `sam build` needs only a JDK 25+ (JAVA_HOME) and make. `MVN_ARGS="-B -ntp" sam build` runs the tests as well.
# scripts/check-sam-build.sh runs every target the way SAM does and checks the artifacts.

MVN        ?= $(if $(wildcard ./mvnw),./mvnw,mvn)
MVN_ARGS   ?= -B -ntp -q -DskipTests -Ddynalite.skipInstall -Derrorprone.skip

define lambda-zip
	$(if $(ARTIFACTS_DIR),,$(error ARTIFACTS_DIR is not set: `sam build` sets it; by hand run e.g. make $@ ARTIFACTS_DIR=/tmp/$(@:build-%=%)))
	MVN='$(MVN)' MVN_ARGS='$(MVN_ARGS)' ARTIFACTS_DIR='$(ARTIFACTS_DIR)' scripts/build-function.sh $(1)
endef

.PHONY: help build-CreateTodoFunction build-ListTodosFunction build-GetTodoFunction build-UpdateTodoFunction \
        build-DeleteTodoFunction check-sam-build lint-openapi

help:
	@echo "Targets:"
	@echo "  build-<Function>  what 'sam build' runs for each function (needs ARTIFACTS_DIR)"
	@echo "  check-sam-build   run every build-<Function> as SAM would, on a fresh copy, and check the artifacts"
	@echo "  lint-openapi      lint openapi.yaml with the pinned Spectral (needs Node.js 20+)"

build-CreateTodoFunction: ; $(call lambda-zip,create-todo)
build-ListTodosFunction:  ; $(call lambda-zip,list-todos)
build-GetTodoFunction:    ; $(call lambda-zip,get-todo)
build-UpdateTodoFunction: ; $(call lambda-zip,update-todo)
build-DeleteTodoFunction: ; $(call lambda-zip,delete-todo)

check-sam-build:
	scripts/check-sam-build.sh

lint-openapi:
	tools/openapi-lint/lint.sh

# The web app (web/), after `sam deploy`: build it, write its config.json from the stack's outputs, upload it to the
# stack's private bucket with cache headers and invalidate CloudFront (web/deploy-web.sh; STACK=<name> to choose the
# stack, default samconfig.toml's stack_name).
.PHONY: deploy-web
deploy-web:
	web/deploy-web.sh
