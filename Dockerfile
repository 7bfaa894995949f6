# syntax=docker/dockerfile:1.7
# One image per service from one file:
#   docker build --build-arg SERVICE=booking-service -t worklib/booking-service .
#   docker build --target stripe-emulator -t worklib/stripe-emulator .
# Stages: build (Maven, cached ~/.m2) -> layers (Spring Boot's layered jar) -> runtime (JRE, non-root).

ARG JAVA_VERSION=21

FROM maven:3.9-eclipse-temurin-${JAVA_VERSION} AS build
ARG SERVICE=gateway
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -q -pl ${SERVICE} -am package -DskipTests \
 && cp ${SERVICE}/target/${SERVICE}-*-exec.jar /app.jar

FROM eclipse-temurin:${JAVA_VERSION}-jre AS layers
WORKDIR /layers
COPY --from=build /app.jar app.jar
# dependencies, spring-boot-loader, snapshot-dependencies, application: a code change rebuilds only the last
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:${JAVA_VERSION}-jre AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 worklib && useradd --system --uid 10001 --gid worklib --no-create-home worklib
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER 10001:10001
ENV SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -Dreactor.netty.native=false"
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fsS "http://127.0.0.1:${SERVER_PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]

# The Stripe emulator (WireMock + stripe-java shapes) for compose and demos; never in production.
FROM maven:3.9-eclipse-temurin-${JAVA_VERSION} AS stripe-emulator-build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -q -pl stripe-emulator -am package -DskipTests \
 && mvn -B -ntp -q -pl stripe-emulator dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/emulator/lib \
 && cp stripe-emulator/target/stripe-emulator-*.jar /emulator/lib/

FROM eclipse-temurin:${JAVA_VERSION}-jre AS stripe-emulator
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 worklib && useradd --system --uid 10001 --gid worklib --no-create-home worklib
COPY --from=stripe-emulator-build /emulator/lib /emulator/lib
USER 10001:10001
ENV STRIPE_EMULATOR_BIND=0.0.0.0 JAVA_TOOL_OPTIONS="-Xmx256m"
EXPOSE 12111
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD curl -fsS http://127.0.0.1:12111/_emulator/clock || exit 1
# port, webhook URL (Stripe's view of the gateway), webhook signing secret
ENTRYPOINT ["java", "-cp", "/emulator/lib/*", "com.worklib.stripe.emulator.StripeEmulator"]
CMD ["12111", "http://gateway:8080/api/payments/v1/stripe/webhooks", "whsec_worklib_emulator"]
