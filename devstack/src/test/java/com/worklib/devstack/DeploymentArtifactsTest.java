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
		.concat(DevStack.SERVICES.stream().map(DevStack.Service::name), Stream.of("gateway", DevStack.WEB.name()))
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

		assertThat(services).containsKeys("postgres", "kafka", "keycloak", "redis");
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
		String createDatabases = Files.readString(ROOT.resolve("deploy/postgres/create-databases.sh"));
		for (DevStack.Service app : DevStack.SERVICES) {
			Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) services.get(app.name()))
				.get("environment");
			assertThat(env.get("DATABASE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + app.database());
			// a role of its own, owner of its database only
			assertThat(env.get("DATABASE_USER")).as(app.name()).isEqualTo(app.database());
			String passwordVariable = app.database().toUpperCase(java.util.Locale.ROOT) + "_DB_PASSWORD";
			assertThat((String) env.get("DATABASE_PASSWORD")).startsWith("${" + passwordVariable + ":?");
			assertThat(((Map<String, Object>) ((Map<String, Object>) services.get("postgres")).get("environment")))
				.containsKey(passwordVariable);
			assertThat(createDatabases).contains(" " + app.database() + " ");
		}
		assertThat(createDatabases).contains("CREATE ROLE :\"role\" LOGIN")
			.contains("CREATE DATABASE :\"role\" OWNER :\"role\"")
			.contains("REVOKE ALL ON DATABASE");
		Map<String, Object> gatewayEnv = (Map<String, Object>) ((Map<String, Object>) services.get("gateway"))
			.get("environment");
		assertThat(gatewayEnv).containsKeys("IDENTITY_URI", "VENUE_URI", "BOOKING_URI", "BILLING_URI", "PAYMENT_URI",
				"NOTIFICATION_URI", "KEYCLOAK_URI", "SPRING_DATA_REDIS_HOST");
	}

	/**
	 * The production compose file starts nothing on a development secret: every secret is
	 * {@code ${VAR:?}}, the mail catcher and the Stripe emulator live in the dev file on
	 * loopback, and deploy/dev.env gives every required variable a fake value for it.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void composeRequiresEverySecretAndKeepsTheCatchersInTheDevFileOnLoopback() throws IOException {
		String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
		assertThat(compose).doesNotContain("dev-only").doesNotContain("sk_test").doesNotContain("whsec_");
		String settings = compose.lines()
			.filter(line -> !line.strip().startsWith("#"))
			.collect(java.util.stream.Collectors.joining("\n"));
		Matcher reference = Pattern.compile("\\$\\{([A-Z0-9_]+)([^}]*)}").matcher(settings);
		Set<String> required = new HashSet<>();
		while (reference.find()) {
			String name = reference.group(1);
			if (name.matches(".*(PASSWORD|SECRET|KEY|USERNAME).*")) {
				assertThat(reference.group(2)).as(name + " has no fallback").startsWith(":?");
			}
			if (reference.group(2).startsWith(":?")) {
				required.add(name);
			}
		}
		Map<String, Object> services = (Map<String, Object>) yaml(ROOT.resolve("docker-compose.yml")).get("services");
		assertThat(services).doesNotContainKeys("mailpit", "stripe-emulator");
		services.forEach((name, service) -> assertThat(((Map<String, Object>) service).containsKey("ports"))
			.as(name + " publishes a port")
			.isEqualTo("gateway".equals(name)));

		Map<String, Object> dev = (Map<String, Object>) yaml(ROOT.resolve("docker-compose.dev.yml")).get("services");
		for (String catcher : List.of("mailpit", "stripe-emulator")) {
			assertThat((List<String>) ((Map<String, Object>) dev.get(catcher)).get("ports")).as(catcher)
				.isNotEmpty()
				.allMatch(port -> port.startsWith("127.0.0.1:"));
		}
		java.util.Properties devEnv = new java.util.Properties();
		devEnv.load(Files.newBufferedReader(ROOT.resolve("deploy/dev.env")));
		assertThat(devEnv.stringPropertyNames()).as("deploy/dev.env sets every required variable")
			.containsAll(required);
		assertThat(devEnv.values()).allMatch(value -> !value.toString().startsWith("sk_live"));
	}

	/** The brokers run the release of the Kafka clients the services are built with. */
	@Test
	@SuppressWarnings("unchecked")
	void kafkaBrokersRunTheClientsRelease() throws IOException {
		String clients = org.apache.kafka.common.utils.AppInfoParser.getVersion();
		Map<String, Object> kafka = (Map<String, Object>) ((Map<String, Object>) yaml(
				ROOT.resolve("docker-compose.yml"))
			.get("services")).get("kafka");
		assertThat(kafka.get("image")).isEqualTo("apache/kafka:" + clients);
		Map<String, Object> strimzi = documents(ROOT.resolve("k8s/engines/kafka.yaml")).stream()
			.filter(d -> "Kafka".equals(d.get("kind")))
			.findFirst()
			.orElseThrow();
		assertThat(((Map<String, Object>) ((Map<String, Object>) strimzi.get("spec")).get("kafka")).get("version"))
			.isEqualTo(clients);
	}

	/**
	 * Only the gateway reaches the services, only the services reach PostgreSQL and
	 * Kafka, and each service has a database role of its own.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void networkPoliciesAndDatabaseRolesConfineEachService() throws IOException {
		Map<String, Map<String, Object>> policies = new java.util.HashMap<>();
		for (Path file : List.of(ROOT.resolve("k8s/base/network-policies.yaml"),
				ROOT.resolve("k8s/engines/network-policies.yaml"))) {
			for (Map<String, Object> policy : documents(file)) {
				policies.put((String) ((Map<String, Object>) policy.get("metadata")).get("name"),
						(Map<String, Object>) policy.get("spec"));
			}
		}
		assertThat((List<String>) ((Map<String, Object>) yaml(ROOT.resolve("k8s/base/kustomization.yaml")))
			.get("resources")).contains("network-policies.yaml");
		assertThat((List<String>) ((Map<String, Object>) yaml(ROOT.resolve("k8s/engines/kustomization.yaml")))
			.get("resources")).contains("network-policies.yaml");
		assertThat(policies.get("default-deny-ingress")).containsEntry("podSelector", Map.of())
			.doesNotContainKey("ingress");
		Map<String, Object> services = policies.get("services-from-gateway");
		assertThat(services.get("podSelector"))
			.isEqualTo(Map.of("matchLabels", Map.of("app.kubernetes.io/component", "service")));
		List<Object> servicePeers = peers(services);
		assertThat(servicePeers)
			.contains(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "gateway"))));
		assertThat(servicePeers).allMatch(peer -> ((Map<String, Object>) peer).containsKey("podSelector")
				? peer.equals(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "gateway"))))
				: peer.toString().contains("monitoring"));
		Map<String, Object> postgres = policies.get("postgres-from-services");
		List<Map<String, Object>> postgresRules = (List<Map<String, Object>>) postgres.get("ingress");
		assertThat(postgresRules.get(0).get("from")).isEqualTo(
				List.of(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/component", "service"))),
						Map.of("podSelector", Map.of("matchLabels", Map.of("app", "keycloak")))));
		assertThat(peers(postgres).toString()).doesNotContain("gateway");
		assertThat(peers(policies.get("kafka-from-services")).toString()).doesNotContain("gateway");
		Map<String, Object> strimzi = documents(ROOT.resolve("k8s/engines/kafka.yaml")).stream()
			.filter(d -> "Kafka".equals(d.get("kind")))
			.findFirst()
			.orElseThrow();
		List<Map<String, Object>> listeners = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) strimzi
			.get("spec")).get("kafka")).get("listeners");
		assertThat(listeners).allSatisfy(listener -> assertThat(listener.get("networkPolicyPeers")).isEqualTo(List
			.of(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/component", "service"))))));

		List<Map<String, Object>> cnpg = documents(ROOT.resolve("k8s/engines/postgres.yaml"));
		String roles = cnpg.get(0).toString();
		for (DevStack.Service app : DevStack.SERVICES) {
			Map<String, Object> deployment = documents(ROOT.resolve("k8s/base/" + app.name() + ".yaml")).get(0);
			Map<String, Object> template = (Map<String, Object>) ((Map<String, Object>) deployment.get("spec"))
				.get("template");
			assertThat((Map<String, Object>) ((Map<String, Object>) template.get("metadata")).get("labels"))
				.containsEntry("app.kubernetes.io/component", "service");
			String text = Files.readString(ROOT.resolve("k8s/base/" + app.name() + ".yaml"));
			assertThat(text).contains("{name: worklib-db-" + app.database() + ", key: username}")
				.contains("{name: worklib-db-" + app.database() + ", key: password}");
			assertThat(roles).contains("worklib-db-" + app.database());
			if (!"identity".equals(app.database())) {
				assertThat(cnpg).anySatisfy(d -> assertThat(d.get("kind")).isEqualTo("Database"))
					.anySatisfy(d -> assertThat(String.valueOf(d.get("spec")))
						.contains("name=" + app.database() + ", owner=" + app.database()));
			}
		}
		String gateway = Files.readString(ROOT.resolve("k8s/base/gateway.yaml"));
		assertThat(gateway).doesNotContain("component: service").doesNotContain("worklib-db-");
		// web keeps its sessions in a database of its own, reached like a service
		assertThat(Files.readString(ROOT.resolve("k8s/base/web.yaml")))
			.contains("{name: worklib-db-web, key: username}")
			.contains("app.kubernetes.io/component: service");
		assertThat(roles).contains("worklib-db-web");
		assertThat(gateway).contains("WEB_URI");
	}

	@SuppressWarnings("unchecked")
	static List<Object> peers(Map<String, Object> policy) {
		List<Object> peers = new ArrayList<>();
		for (Map<String, Object> rule : (List<Map<String, Object>>) policy.get("ingress")) {
			peers.addAll((List<Object>) rule.get("from"));
		}
		return peers;
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
		// behind the ingress, the client is the address it appends (GatewayBehindProxyIT)
		Map<String, Object> k8sGateway = documents(ROOT.resolve("k8s/base/gateway.yaml")).get(0);
		List<Map<String, Object>> gatewayEnv = (List<Map<String, Object>>) ((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) k8sGateway
			.get("spec")).get("template")).get("spec")).get("containers")).get(0).get("env");
		assertThat(gatewayEnv).contains(Map.of("name", "GATEWAY_TRUSTED_PROXIES", "value", "1"));
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
	@SuppressWarnings("unchecked")
	void everyKeycloakShowsTheWorklibLoginTheme() throws IOException {
		for (String realm : List.of("keycloak/worklib-realm.json", "keycloak/worklib-realm-prod.json")) {
			assertThat(yaml(ROOT.resolve(realm)).get("loginTheme")).as(realm).isEqualTo("worklib");
		}
		assertThat(ROOT.resolve("keycloak/themes/worklib/login/theme.properties")).exists();
		// compose mounts the theme; Kubernetes runs an image that has it
		assertThat(Files.readString(ROOT.resolve("docker-compose.yml")))
			.contains("./keycloak/themes/worklib:/opt/keycloak/themes/worklib:ro");
		Map<String, Object> keycloak = documents(ROOT.resolve("k8s/engines/keycloak.yaml")).stream()
			.filter(d -> "Keycloak".equals(d.get("kind")))
			.findFirst()
			.orElseThrow();
		String image = (String) ((Map<String, Object>) keycloak.get("spec")).get("image");
		assertThat(image).endsWith("-worklib");
		String dockerfile = Files.readString(ROOT.resolve("keycloak/Dockerfile"));
		String composeImage = ((Map<String, Object>) ((Map<String, Object>) yaml(ROOT.resolve("docker-compose.yml"))
			.get("services")).get("keycloak")).get("image").toString();
		assertThat(dockerfile).contains("COPY --chown=1000:0 themes/worklib /opt/keycloak/themes/worklib")
			.contains("FROM " + composeImage)
			.contains("kc.sh build");
		assertThat(image).contains(":" + composeImage.substring(composeImage.indexOf(':') + 1) + "-");
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
