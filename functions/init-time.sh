#!/usr/bin/env bash
# Cold-start numbers of a Stride function, from the Lambda zip as built: init time in a fresh JVM
# with and without SnapStart priming, with and without JAVA_TOOL_OPTIONS="-XX:+TieredCompilation
# -XX:TieredStopAtLevel=1", and the first two requests after it (medians). Needs only a JDK 21+:
# the database is an embedded PostgreSQL. Usage: functions/init-time.sh [runs per case, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/find-jdk
./mvnw -q -B -pl functions -am package -DskipTests \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
java -cp "functions/target/test-classes:$(cat functions/target/test-classpath.txt)" \
  dev.stride.functions.snapstart.InitTime functions/target/stride-functions.zip "${1:-5}"
