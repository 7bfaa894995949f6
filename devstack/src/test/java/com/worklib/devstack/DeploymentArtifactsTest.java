package com.worklib.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, k8s/ and the Dockerfile cannot run here (no Docker engine, no
 * cluster), so they are checked statically against what the services really read: every
 * service is there with its own database, health checks and probes, and no variable is
 * set that no service reads (a typo would silently fall back to a default).
 */
class DeploymentArtifactsTest {

	static final Path ROOT = Path.of("..");

	static final List<String> APPS = Stream
		.concat(DevStack.SERVICES.stream().map(DevStack.Service::name), Stream.of("gateway"))
		.toList();

	/** Variables a JVM or Spring reads without a placeholder in our configuration. */
	static final Set<String> IMPLICIT = Set.of("JAVA_TOOL_OPTIONS", "SPRING_DATA_REDIS_HOST", "SERVER_PORT");

	@SuppressWarnings("unchecked")
	static Map<String, Object> yaml(Path file) throws IOException {
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(200);
		return new Yaml(options).load(Files.readString(file));
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> documents(Path file) throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml().loadAll(Files.readString(file))) {
			if (document != null) {
				documents.add((Map<String, Object>) document);
			}
		}
		return documents;
	}

	/**
	 * Every {@code ${NAME} } placeholder in a service's configuration and the platform's.
	 */
	static Set<String> variablesRead(String app) throws IOException {
		Set<String> names = new HashSet<>();
		Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
		for (Path file : List.of(ROOT.resolve(app + "/src/main/resources/application.yml"),
				ROOT.resolve("platform/src/main/resources/worklib-platform-defaults.properties"))) {
			Matcher matcher = placeholder.matcher(Files.readString(file));
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	@Test
	@SuppressWarnings("unchecked")
	void composeRunsEveryServiceOnItsOwnDatabaseWithHealthChecksAndOnlyVariablesItReads() throws IOException {
		Map<String, Object> services = (Map<String, Object>) yaml(ROOT.resolve("docker-compose.yml")).get("services");

		assertThat(services).containsKeys("postgres", "kafka", "keycloak", "mailpit", "redis", "stripe-emulator");
		for (Object engine : services.values()) {
			assertThat((Map<String, Object>) engine).containsKey("healthcheck");
		}
		for (String app : APPS) {
			Map<String, Object> service = (Map<String, Object>) services.get(app);
			assertThat(service).as(app).isNotNull().containsKeys("healthcheck", "depends_on", "build");
			Map<String, Object> env = (Map<String, Object>) service.get("environment");
			Set<String> read = variablesRead(app);
			for (String name : env.keySet()) {
				assertThat(read.contains(name) || IMPLICIT.contains(name)).as(app + " reads " + name).isTrue();
			}
			Map<String, Object> dependsOn = (Map<String, Object>) service.get("depends_on");
			dependsOn.values()
				.forEach(condition -> assertThat((Map<String, Object>) condition).containsEntry("condition",
						"service_healthy"));
		}
		for (DevStack.Service app : DevStack.SERVICES) {
			Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) services.get(app.name()))
				.get("environment");
			assertThat(env.get("DATABASE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + app.database());
		}
		assertThat(Files.readString(ROOT.resolve("deploy/postgres/create-databases.sql")))
			.contains(DevStack.SERVICES.stream().map(s -> "CREATE DATABASE " + s.database() + ";").toList());
		Map<String, Object> gatewayEnv = (Map<String, Object>) ((Map<String, Object>) services.get("gateway"))
			.get("environment");
		assertThat(gatewayEnv).containsKeys("IDENTITY_URI", "VENUE_URI", "BOOKING_URI", "BILLING_URI", "PAYMENT_URI",
				"NOTIFICATION_URI", "KEYCLOAK_URI", "SPRING_DATA_REDIS_HOST");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyKubernetesDeploymentIsProbedBoundedAndNonRootAndListed() throws IOException {
		Map<String, Object> kustomization = yaml(ROOT.resolve("k8s/base/kustomization.yaml"));
		List<String> resources = (List<String>) kustomization.get("resources");
		Set<String> deployments = new HashSet<>();
		Set<String> services = new HashSet<>();
		for (String resource : resources) {
			for (Map<String, Object> document : documents(ROOT.resolve("k8s/base").resolve(resource))) {
				String name = (String) ((Map<String, Object>) document.get("metadata")).get("name");
				if ("Service".equals(document.get("kind"))) {
					services.add(name);
				}
				if (!"Deployment".equals(document.get("kind"))) {
					continue;
				}
				deployments.add(name);
				Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document
					.get("spec")).get("template")).get("spec");
				assertThat((Map<String, Object>) pod.get("securityContext")).as(name)
					.containsEntry("runAsNonRoot", true);
				for (Map<String, Object> container : (List<Map<String, Object>>) pod.get("containers")) {
					assertThat(container).as(name).containsKeys("readinessProbe", "livenessProbe", "resources");
					Map<String, Object> resourcesOf = (Map<String, Object>) container.get("resources");
					assertThat((Map<String, Object>) resourcesOf.get("limits")).as(name).containsKey("memory");
					assertThat((Map<String, Object>) resourcesOf.get("requests")).as(name)
						.containsKeys("cpu", "memory");
				}
			}
		}
		assertThat(deployments).containsExactlyInAnyOrderElementsOf(APPS);
		assertThat(services).containsAll(APPS);
		try (Stream<Path> files = Files.list(ROOT.resolve("k8s/base"))) {
			assertThat(files.map(f -> f.getFileName().toString()).filter(f -> !f.equals("kustomization.yaml")))
				.as("every file in k8s/base is in the kustomization")
				.allMatch(resources::contains);
		}
		String autoscaling = Files.readString(ROOT.resolve("k8s/base/autoscaling.yaml"));
		assertThat(autoscaling).contains("consumerGroup: billing-service-close")
			.contains("topic: billing.close-commands.v1");
	}

	@Test
	@SuppressWarnings("unchecked")
	void kubernetesContainersReadOnlyTheirVariablesAndAreProbedOnTheActuatorGroups() throws IOException {
		for (String app : APPS) {
			Map<String, Object> deployment = documents(ROOT.resolve("k8s/base/" + app + ".yaml")).get(0);
			Map<String, Object> container = ((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) deployment
				.get("spec")).get("template")).get("spec")).get("containers")).get(0);
			Set<String> read = variablesRead(app);
			for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
				String name = (String) variable.get("name");
				assertThat(read.contains(name) || IMPLICIT.contains(name)).as(app + " reads " + name).isTrue();
			}
			assertThat(((Map<String, Object>) ((Map<String, Object>) container.get("readinessProbe")).get("httpGet"))
				.get("path")).isEqualTo("/actuator/health/readiness");
			assertThat(((Map<String, Object>) ((Map<String, Object>) container.get("livenessProbe")).get("httpGet"))
				.get("path")).isEqualTo("/actuator/health/liveness");
			assertThat(((List<Map<String, Object>>) container.get("ports")).get(0).get("containerPort")).as(app)
				.isEqualTo(8080);
		}
		Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
		Map<String, Object> gateway = (Map<String, Object>) ((Map<String, Object>) compose.get("services"))
			.get("gateway");
		assertThat((Map<String, Object>) gateway.get("environment")).containsEntry("SERVER_PORT", "8080");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyOverlayRendersEveryServiceWithAnAutoscalerAndADisruptionBudget() throws Exception {
		for (String overlay : List.of("dev", "prod")) {
			List<Map<String, Object>> rendered = render(ROOT.resolve("k8s/overlays/" + overlay));
			if (rendered == null) {
				// no kubectl here: at least the overlay points at the base and the
				// engines
				assertThat(Files.readString(ROOT.resolve("k8s/overlays/" + overlay + "/kustomization.yaml")))
					.contains("../../base")
					.contains("../../engines");
				continue;
			}
			Set<String> deployments = new HashSet<>();
			Set<String> scaled = new HashSet<>();
			Set<String> budgets = new HashSet<>();
			Set<String> kinds = new HashSet<>();
			for (Map<String, Object> document : rendered) {
				String kind = (String) document.get("kind");
				kinds.add(kind);
				String name = (String) ((Map<String, Object>) document.get("metadata")).get("name");
				switch (kind) {
					case "Deployment" -> deployments.add(name);
					case "HorizontalPodAutoscaler", "ScaledObject" -> scaled.add(name);
					case "PodDisruptionBudget" -> budgets.add(name);
					default -> {
					}
				}
			}
			assertThat(deployments).as(overlay).containsAll(APPS);
			assertThat(scaled).as(overlay).containsAll(APPS);
			assertThat(budgets).as(overlay).containsAll(APPS);
			assertThat(kinds).as(overlay)
				.contains("Ingress", "ConfigMap", "Kafka", "KafkaTopic", "Cluster", "Keycloak", "ScaledObject");
		}
	}

	@SuppressWarnings("unchecked")
	static List<Object> realmRoles(Map<String, Object> realm) {
		return ((List<Map<String, Object>>) ((Map<String, Object>) realm.get("roles")).get("realm")).stream()
			.map(role -> role.get("name"))
			.toList();
	}

	/** {@code kubectl kustomize}, or null when kubectl is not installed. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> render(Path overlay) throws Exception {
		Process process;
		try {
			process = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return null;
		}
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(output).isZero();
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml().loadAll(output)) {
			documents.add((Map<String, Object>) document);
		}
		return documents;
	}

	@Test
	@SuppressWarnings("unchecked")
	void productionSettingsHaveNoDevUsersNoDevClockAndNoSecretValues() throws IOException {
		Map<String, Object> realm = yaml(ROOT.resolve("keycloak/worklib-realm-prod.json"));
		assertThat((List<Map<String, Object>>) realm.get("users"))
			.allMatch(user -> ((String) user.get("username")).startsWith("service-account-"));
		assertThat((List<Map<String, Object>>) realm.get("clients")).extracting(client -> client.get("clientId"))
			.doesNotContain("worklib-cli");
		String realmText = Files.readString(ROOT.resolve("keycloak/worklib-realm-prod.json"));
		assertThat(realmText).doesNotContain("dev-only").doesNotContain("worklib.test");
		Map<String, Object> dev = yaml(ROOT.resolve("keycloak/worklib-realm.json"));
		assertThat(realmRoles(realm)).as("the production realm has the dev realm's roles")
			.containsExactlyInAnyOrderElementsOf(realmRoles(dev));

		String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
		assertThat(compose).contains("worklib-realm-prod.json").doesNotContain("SPRING_PROFILES_ACTIVE");
		assertThat(Files.readString(ROOT.resolve("k8s/overlays/prod/kustomization.yaml")))
			.doesNotContain("secretGenerator");
		List<Path> deployed = new ArrayList<>(List.of(ROOT.resolve("docker-compose.yml"), ROOT.resolve("Dockerfile"),
				ROOT.resolve("keycloak/worklib-realm-prod.json")));
		try (Stream<Path> files = Files.walk(ROOT.resolve("k8s"))) {
			files.filter(Files::isRegularFile).forEach(deployed::add);
		}
		Pattern secret = Pattern.compile("sk_live_|rk_live_|-----BEGIN [A-Z ]*PRIVATE KEY|whsec_(?!worklib_emulator)");
		for (Path file : deployed) {
			assertThat(secret.matcher(Files.readString(file)).find()).as(file + " holds a secret value").isFalse();
		}
		for (String app : APPS) {
			assertThat(Files.readString(ROOT.resolve("k8s/base/" + app + ".yaml"))).as(app)
				.doesNotContain("SPRING_PROFILES_ACTIVE")
				.doesNotContain("dev-clock");
		}
	}

	@Test
	void theImageRunsLayeredAsANonRootUserWithAHealthCheck() throws IOException {
		String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

		assertThat(dockerfile).contains("-Djarmode=tools -jar app.jar extract --layers")
			.contains("USER 10001:10001")
			.contains("HEALTHCHECK")
			.contains("/actuator/health/readiness")
			.contains("-exec.jar");
	}

}
