package com.worklib.systemtests;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Réservations" in a real browser through the gateway: a manager finds two requests on
 * top with the booker's first name and address, confirms one and refuses the other
 * without leaving the page, and the CSV export carries exactly the rows on screen.
 */
@ExtendWith(PlatformExtension.class)
@Order(1)
class PartnerBookingsBrowserIT {

	static Browser browser;

	@BeforeAll
	static void open() {
		browser = Browser.open();
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aManagerConfirmsOneRequestRefusesAnotherAndExportsTheRowsOnScreen() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String owner = "rita-" + suffix + "@lac.test";
		// the employee first: booking learns her company from identity's event meanwhile
		String employeeEmail = "ines-" + suffix + "@client.test";
		Client employee = PartnersMonthIT.signUpAndVerify(employeeEmail, "Inès", "Client Conseil");
		Map<String, String> partners = PartnerSignUpBrowserIT.imported(owner, "rene-" + suffix + "@semnoz.test");
		String partnerId = partners.get(owner);
		Client ownerClient = PartnersMonthIT.claimedBy(owner, "Rita", partnerId);
		String manager = "mael-" + suffix + "@lac.test";
		Client managerClient = PartnersMonthIT.invite(ownerClient, partnerId, manager, "Maël", "MANAGER");
		String room = PartnersMonthIT.workspaceId(ownerClient, partnerId, "Salle du Lac");
		LocalDate day = PartnersMonthIT.weekday(YearMonth.now(PartnersMonthIT.PARIS).plusMonths(1), 3);
		PartnersMonthIT.eventually("the room is bookable",
				() -> assertThat(employee
					.post("/api/bookings/v1/bookings", Map.of("workspaceId", room, "start", PartnersMonthIT.at(day, 10),
							"end", PartnersMonthIT.at(day, 12)))
					.status()).isEqualTo(201));
		String second = PartnersMonthIT
			.ok(employee.post("/api/bookings/v1/bookings", Map.of("workspaceId", room, "start",
					PartnersMonthIT.at(day, 14), "end", PartnersMonthIT.at(day, 15))), 201)
			.json()
			.get("bookingId")
			.asString();
		String date = day.format(DateTimeFormatter.ofPattern("dd/MM"));

		Page page = browser.person("fr-FR", 375);
		try {
			PartnerTeamBrowserIT.logIn(page, "/espace", manager);
			page.waitForURL(Pattern.compile(".*/partners/" + partnerId + ".*"));
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Réservations").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.HEADING,
					new Page.GetByRoleOptions().setName("Demandes en attente de réponse")))
				.isVisible();
			Locator requests = page.getByRole(AriaRole.REGION,
					new Page.GetByRoleOptions().setName("Demandes en attente de réponse"));
			// who asked, and where to write to them while the request waits
			assertThat(requests.getByText(employeeEmail).first()).isVisible();
			// and for whom: the company she gave at sign-up
			assertThat(requests.getByText("Inès · Client Conseil").first()).isVisible();
			assertThat(requests.getByText(Pattern.compile("expire dans \\d+ h")).first()).isVisible();
			Browser.assertAccessible(page);
			Browser.screenshot(page, "09-reservations-375px");

			page.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Confirmer la demande Salle du Lac " + date + " 10:00"))
				.click();
			assertThat(page.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Confirmer la demande Salle du Lac " + date + " 10:00")))
				.hasCount(0);
			page.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Refuser la demande Salle du Lac " + date + " 14:00"))
				.click();
			assertThat(requests.getByText("Refusée")).isVisible();
			assertThat(requests.getByText("Confirmée")).isVisible();
			assertThat(managerClient.read("/api/bookings/v1/bookings/" + second).get("status").asString())
				.isEqualTo("DECLINED");
			Browser.assertAccessible(page);

			// the table, reloaded, and its CSV: the same rows
			page.reload();
			Locator table = page.getByRole(AriaRole.REGION,
					new Page.GetByRoleOptions().setName("Toutes les réservations"));
			int rows = table.locator("tbody tr").count();
			assertThat(rows).isEqualTo(2);
			Download download = page.waitForDownload(
					() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Exporter en CSV"))
						.click());
			String[] csv = Files.readString(download.path()).split("\r\n");
			assertThat(csv).hasSize(rows + 1);
			assertThat(String.join("\n", csv)).contains(second + ";").contains(";DECLINED;").contains(";CONFIRMED;");
			// once answered, the booker's address is theirs again
			assertThat(String.join("\n", csv)).doesNotContain(employeeEmail);
		}
		catch (AssertionError | RuntimeException ex) {
			Browser.screenshot(page, "failed-" + getClass().getSimpleName());
			throw new AssertionError(ex.getMessage() + "\nat " + page.url() + ":\n" + page.innerText("body"), ex);
		}
	}

}
