# Build steps shared by every function's and layer's `sam build` target (BuildMethod: makefile).
# sam build runs each target in its CodeUri directory (build_in_source in samconfig.toml); those
# targets call this file from the project root, where the Maven reactor lives.
MVN ?= ./mvnw -B -q
MVN_FLAGS ?= -DskipTests

.PHONY: function layer

# A function's package: its one thin jar under lib/ (Lambda's Java runtime puts lib/*.jar on the classpath).
function:
	$(MVN) $(MVN_FLAGS) -pl $(MODULE) -am package
	rm -rf "$(ARTIFACTS_DIR)/lib"
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(MODULE)/target/function.jar "$(ARTIFACTS_DIR)/lib/"

# The layer: the shared code and every shared dependency under java/lib.
layer:
	rm -rf layers/common/target/layer
	$(MVN) $(MVN_FLAGS) -pl layers/common -am package
	rm -rf "$(ARTIFACTS_DIR)/java"
	mkdir -p "$(ARTIFACTS_DIR)/java/lib"
	cp layers/common/target/layer/java/lib/*.jar "$(ARTIFACTS_DIR)/java/lib/"
