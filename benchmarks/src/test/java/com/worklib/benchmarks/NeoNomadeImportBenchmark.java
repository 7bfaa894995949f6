package com.worklib.benchmarks;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.worklib.platform.test.KafkaSupport;
import com.worklib.platform.test.PostgresSupport;
import com.worklib.venue.VenueServiceApplication;
import com.worklib.venue.neonomade.ImportReport;
import com.worklib.venue.neonomade.NeoNomadeImporter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports a 50,000-row Neo-nomade export into venue-service on embedded PostgreSQL 17 and
 * Kafka, then imports it again, and prints the figures. It asserts what was imported,
 * never how fast: timings depend on the machine.
 */
class NeoNomadeImportBenchmark {

	static final int ROWS = 50_000;

	@Test
	void importsFiftyThousandRows() {
		byte[] csv = ExportGenerator.generate(ROWS).getBytes(StandardCharsets.UTF_8);
		PostgresSupport.Database db = PostgresSupport.freshDatabase("venue_benchmark");
		try (ConfigurableApplicationContext venue = new SpringApplicationBuilder(VenueServiceApplication.class).run(
				"--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(),
				"--spring.kafka.bootstrap-servers=" + KafkaSupport.bootstrapServers(), "--server.port=0",
				"--logging.structured.format.console=", "--logging.level.root=WARN")) {
			NeoNomadeImporter importer = venue.getBean(NeoNomadeImporter.class);
			JdbcClient jdbc = venue.getBean(JdbcClient.class);

			long start = System.nanoTime();
			ImportReport first = importer.importCsv(new ByteArrayInputStream(csv));
			Duration firstTook = Duration.ofNanos(System.nanoTime() - start);

			start = System.nanoTime();
			ImportReport second = importer.importCsv(new ByteArrayInputStream(csv));
			Duration secondTook = Duration.ofNanos(System.nanoTime() - start);

			assertThat(first.errors()).isEmpty();
			assertThat(first.workspaces()).isEqualTo(ROWS);
			assertThat(second.rowsUnchanged()).isEqualTo(ROWS);
			long events = jdbc.sql("SELECT count(*) FROM outbox_event").query(Long.class).single();
			System.out.printf("%nBENCHMARK neo-nomade import: %d rows (%.1f MB), %d partners, %d establishments%n",
					ROWS, csv.length / 1e6, first.partnersCreated(), first.establishments());
			System.out.printf("BENCHMARK   first import:  %d ms (%.0f rows/s), %d events written to the outbox%n",
					firstTook.toMillis(), ROWS / (firstTook.toNanos() / 1e9), events);
			System.out.printf("BENCHMARK   re-import:     %d ms (nothing changed)%n", secondTook.toMillis());
			Runtime rt = Runtime.getRuntime();
			System.out.printf("BENCHMARK   heap used after: %d MB of %d MB max%n%n",
					(rt.totalMemory() - rt.freeMemory()) / (1 << 20), rt.maxMemory() / (1 << 20));
		}
	}

}
