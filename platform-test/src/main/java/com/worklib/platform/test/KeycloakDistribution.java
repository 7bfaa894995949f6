package com.worklib.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The Keycloak server distribution ({@code org.keycloak:keycloak-quarkus-dist}, a tar.gz
 * that Maven resolves into the local repository) unpacked once under
 * {@code ~/.cache/worklib}.
 */
public final class KeycloakDistribution {

	private KeycloakDistribution() {
	}

	public static String version() {
		return buildProperties().getProperty("keycloak.version");
	}

	/** The realm definition shared by tests, the local stack, compose and Kubernetes. */
	public static InputStream realm() {
		InputStream in = KeycloakDistribution.class.getResourceAsStream("/keycloak/worklib-realm.json");
		if (in == null) {
			throw new IllegalStateException("keycloak/worklib-realm.json is missing from the classpath");
		}
		return in;
	}

	/** The files of the {@code worklib} login theme, under {@code keycloak/themes/}. */
	static final java.util.List<String> THEME_FILES = java.util.List.of("worklib/login/theme.properties",
			"worklib/login/messages/messages_fr.properties", "worklib/login/messages/messages_en.properties",
			"worklib/login/resources/css/worklib.css");

	/**
	 * Copies the {@code worklib} theme into the distribution's {@code themes/}, where
	 * Keycloak finds it (the realm's {@code loginTheme}); the copy is refreshed at every
	 * start, so a changed text shows after a restart.
	 */
	public static void installThemes(Path home) throws java.io.IOException {
		for (String file : THEME_FILES) {
			try (InputStream in = KeycloakDistribution.class.getResourceAsStream("/keycloak/themes/" + file)) {
				if (in == null) {
					throw new IllegalStateException("keycloak/themes/" + file + " is missing from the classpath");
				}
				Path target = home.resolve("themes").resolve(file);
				Files.createDirectories(target.getParent());
				Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	/**
	 * Unpacks the distribution into {@code target} (a directory that will contain
	 * bin/kc.sh).
	 */
	public static Path unpackInto(Path target) {
		if (Files.isRegularFile(target.resolve("bin/kc.sh"))) {
			return target;
		}
		Path archive = archive();
		try {
			Path staging = Files.createDirectories(target.getParent()).resolve(target.getFileName() + ".unpacking");
			deleteRecursively(staging);
			Files.createDirectories(staging);
			Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", staging.toString(),
					"--strip-components=1")
				.inheritIO()
				.start();
			if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
				throw new IllegalStateException("Could not unpack " + archive);
			}
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The shared, unpacked copy used by tests. */
	public static Path cached() {
		Path cache = Path.of(System.getProperty("user.home"), ".cache", "worklib", "keycloak-" + version());
		synchronized (KeycloakDistribution.class) {
			return unpackInto(cache);
		}
	}

	static Path archive() {
		String located = buildProperties().getProperty("keycloak.dist", "");
		Path path = located.isBlank() || located.startsWith("@") ? null : Path.of(located);
		if (path == null || !Files.isRegularFile(path)) {
			String repo = System.getProperty("maven.repo.local",
					Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
			path = Path.of(repo, "org", "keycloak", "keycloak-quarkus-dist", version(),
					"keycloak-quarkus-dist-" + version() + ".tar.gz");
		}
		if (!Files.isRegularFile(path)) {
			throw new IllegalStateException("Keycloak distribution not found at " + path
					+ "; build platform-test with Maven first (it resolves org.keycloak:keycloak-quarkus-dist)");
		}
		return path;
	}

	static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.delete(p);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	private static Properties buildProperties() {
		Properties properties = new Properties();
		try (InputStream in = KeycloakDistribution.class.getResourceAsStream("/worklib-platform-test.properties")) {
			properties.load(in);
		}
		catch (IOException | NullPointerException ex) {
			throw new IllegalStateException("worklib-platform-test.properties is missing", ex);
		}
		return properties;
	}

}
