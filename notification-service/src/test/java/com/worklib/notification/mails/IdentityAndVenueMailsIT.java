package com.worklib.notification.mails;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.contracts.identity.MailRequestPayload;
import com.worklib.contracts.venue.PartnerPayload;
import com.worklib.notification.NotificationIT;
import com.worklib.platform.test.MailSupport;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;
import com.worklib.platform.test.WithSmtp;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "worklib.notification.send-interval=200ms")
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
@WithSmtp
class IdentityAndVenueMailsIT extends NotificationIT {

	static final String WEB = "http://localhost:3000";

	MailRequestPayload request(String kind, String to, String locale, String link) {
		return new MailRequestPayload(UUID.randomUUID(), kind, to, locale, "Camille", link,
				Instant.parse("2026-12-01T10:00:00Z"), UUID.randomUUID(), "Atelier Lyon", "Claire Martin", "MANAGER");
	}

	void requestMail(String eventId, MailRequestPayload mail) throws Exception {
		publish(Topics.IDENTITY_NOTIFICATIONS, mail.to(), eventId, EventTypes.MAIL_REQUESTED, mail);
	}

	@Test
	void theMigrationMailReachesTheMigrationAddressOncePerPartner() throws Exception {
		String migration = address("contact");
		UUID partnerId = UUID.randomUUID();
		PartnerPayload imported = new PartnerPayload(partnerId, "ATLYON", "Atelier Lyon", "UNCLAIMED", 1500, migration,
				"NN-42", 1);
		publish(Topics.VENUE_PARTNERS, partnerId.toString(), UUID.randomUUID().toString(), EventTypes.PARTNER_CREATED,
				imported);

		MailSupport.Mail mail = mailTo(migration);
		assertThat(mail.subject()).isEqualTo("Votre espace Atelier Lyon est maintenant sur Worklib");
		assertThat(mail.text()).contains("N’utilisez pas votre mot de passe Neo-nomade")
			.contains(WEB + "/signup?email=" + migration.replace("@", "%40"));
		assertThat(mail.html()).contains("Créer mon compte Worklib");

		// the import runs again and changes the partner: no second migration mail
		publish(Topics.VENUE_PARTNERS, partnerId.toString(), UUID.randomUUID().toString(), EventTypes.PARTNER_CHANGED,
				new PartnerPayload(partnerId, "ATLYON", "Atelier Lyon SAS", "UNCLAIMED", 1500, migration, "NN-42", 2));
		assertStillOneMailTo(migration);
	}

	@Test
	void aClaimedPartnerGetsNoMigrationMail() throws Exception {
		String migration = address("claimed");
		UUID partnerId = UUID.randomUUID();
		publish(Topics.VENUE_PARTNERS, partnerId.toString(), UUID.randomUUID().toString(), EventTypes.PARTNER_CHANGED,
				new PartnerPayload(partnerId, "CLMD", "Déjà Là", "CLAIMED", 1500, migration, "NN-43", 3));
		String other = address("unclaimed");
		publish(Topics.VENUE_PARTNERS, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
				EventTypes.PARTNER_CREATED,
				new PartnerPayload(UUID.randomUUID(), "UNCL", "Pas Encore", "UNCLAIMED", 1500, other, "NN-44", 1));

		mailTo(other);
		assertThat(MailSupport.messagesTo(migration)).isEmpty();
	}

	@Test
	void verificationInTheRecipientsLanguageSentOnceWhateverRedeliveries() throws Exception {
		String to = address("camille");
		MailRequestPayload mail = request("EMAIL_VERIFICATION", to, "en", WEB + "/verify-email?token=tok-en-1");
		requestMail("evt-verify-" + to, mail);
		requestMail("evt-verify-" + to, mail);

		MailSupport.Mail received = mailTo(to);
		assertThat(received.subject()).isEqualTo("Confirm your email address");
		assertThat(received.text()).startsWith("Hello Camille,")
			.contains("Confirm my address\n" + WEB + "/verify-email?token=tok-en-1");
		assertStillOneMailTo(to);
		// the mail carried the link; the delivery log keeps no usable copy of it
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT status FROM delivery WHERE recipient = :to")
				.param("to", to)
				.query(String.class)
				.single()
				.equals("SENT"));
		var row = this.jdbc.sql("SELECT text_body, html_body, sealed_secrets FROM delivery WHERE recipient = :to")
			.param("to", to)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.single();
		assertThat(row[0]).doesNotContain("tok-en-1").contains("/verify-email?token=");
		assertThat(row[1]).doesNotContain("tok-en-1");
		assertThat(row[2]).as("sealed secrets are forgotten once sent").isNull();

		String french = address("camille-fr");
		requestMail(UUID.randomUUID().toString(),
				request("EMAIL_VERIFICATION", french, "fr", WEB + "/verify-email?token=tok-fr-1"));
		assertThat(mailTo(french).subject()).isEqualTo("Confirmez votre adresse e-mail");
	}

	@Test
	void accountExistsClaimLinkAndInvitationSayWhatTheyAreFor() throws Exception {
		String exists = address("exists");
		requestMail(UUID.randomUUID().toString(), request("ACCOUNT_EXISTS", exists, "fr", WEB + "/login"));
		String claim = address("claim");
		requestMail(UUID.randomUUID().toString(), request("CLAIM_LINK", claim, "fr", WEB + "/signup?email=" + claim));
		String invited = address("invited");
		requestMail(UUID.randomUUID().toString(),
				request("INVITATION", invited, "fr", WEB + "/invitations/accept?token=inv-1"));

		assertThat(mailTo(exists).subject()).isEqualTo("Vous avez déjà un compte Worklib");
		assertThat(mailTo(exists).text()).contains("Mot de passe oublié").contains(WEB + "/login");
		assertThat(mailTo(claim).subject()).isEqualTo("Retrouvez votre espace Atelier Lyon sur Worklib");
		MailSupport.Mail invitation = mailTo(invited);
		assertThat(invitation.subject()).isEqualTo("Claire Martin vous invite à rejoindre Atelier Lyon sur Worklib");
		assertThat(invitation.text()).contains(
				"Claire Martin vous invite à rejoindre l’équipe de Atelier Lyon sur Worklib en tant que gestionnaire.")
			.contains(WEB + "/invitations/accept?token=inv-1");
	}

	@Test
	void noMailCarriesATokenOrLinkMeantForAnotherAddress() throws Exception {
		List<String[]> issued = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String to = address("person" + i);
			String token = "token-" + UUID.randomUUID();
			issued.add(new String[] { to, token });
			requestMail(UUID.randomUUID().toString(),
					request("EMAIL_VERIFICATION", to, "fr", WEB + "/verify-email?token=" + token));
			requestMail(UUID.randomUUID().toString(),
					request("INVITATION", to, "fr", WEB + "/invitations/accept?token=" + token + "-inv"));
			requestMail(UUID.randomUUID().toString(), request("CLAIM_LINK", to, "fr",
					WEB + "/signup?email=" + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8)));
		}
		Pattern tokens = Pattern.compile("token=([A-Za-z0-9-]+)");
		Pattern emails = Pattern.compile("email=([^\\s\"&<]+)");
		for (String[] person : issued) {
			String to = person[0];
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(20))
				.until(() -> MailSupport.messagesTo(to).size() == 3);
			for (MailSupport.Mail mail : MailSupport.messagesTo(to)) {
				assertThat(mail.to()).containsExactly(to);
				for (String body : new String[] { mail.text(), mail.html() }) {
					Matcher token = tokens.matcher(body);
					while (token.find()) {
						assertThat(token.group(1)).as("token in a mail to " + to).startsWith(person[1]);
					}
					Matcher email = emails.matcher(body);
					while (email.find()) {
						assertThat(java.net.URLDecoder.decode(email.group(1), java.nio.charset.StandardCharsets.UTF_8))
							.as("address in a link of a mail to " + to)
							.isEqualTo(to);
					}
				}
			}
		}
	}

}
