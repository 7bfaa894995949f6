package com.worklib.identity.flows;

import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.identity.keycloak.IdentityProvider;
import com.worklib.platform.test.KeycloakSupport;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithKeycloak;
import com.worklib.platform.test.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-up, verification, claims and invitations against real Keycloak, PostgreSQL and
 * Kafka.
 */
@SpringBootTest(properties = "worklib.keycloak.client-secret=dev-only-identity-service-secret")
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
@WithKeycloak
class IdentityFlowsIT {

	static final String API = "/api/identity/v1";

	static final String PASSWORD = "Coworking-2026!";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	IdentityProvider keycloak;

	static String unique(String local) {
		return local + "+" + UUID.randomUUID().toString().substring(0, 8) + "@atelier-lyon.fr";
	}

	/**
	 * A sign-up as a client sends it; {@code password} as clients written before the
	 * verification step chose it sent one (ignored), or null.
	 */
	MvcResult signup(String email, String password) throws Exception {
		String withPassword = password == null ? "" : ",\"password\":\"%s\"".formatted(password);
		return this.mvc
			.perform(post(API + "/signup").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"%s\"%s,\"firstName\":\"Claire\",\"lastName\":\"Martin\"}".formatted(email,
						withPassword)))
			.andReturn();
	}

	/** Signs up, follows the verification link, and returns a fresh access token. */
	String verifiedUser(String email) throws Exception {
		assertThat(signup(email, PASSWORD).getResponse().getStatus()).isEqualTo(202);
		String token = EventLog.tokenOf(EventLog.mailLink(email, "EMAIL_VERIFICATION"));
		verify(token, PASSWORD).andExpect(status().isOk());
		return KeycloakSupport.server().accessToken(email, PASSWORD);
	}

	/** What the page behind the mailed link sends: the token and the chosen password. */
	org.springframework.test.web.servlet.ResultActions verify(String token, String password) throws Exception {
		return this.mvc.perform(post(API + "/email-verifications").contentType(MediaType.APPLICATION_JSON)
			.content(password == null ? "{\"token\":\"%s\"}".formatted(token)
					: "{\"token\":\"%s\",\"password\":\"%s\"}".formatted(token, password)));
	}

	/**
	 * The latest verification link mailed to {@code email}, after {@code earlier} ones.
	 */
	String latestVerificationToken(String email, int mails) {
		var links = EventLog.readAll(com.worklib.contracts.Topics.IDENTITY_NOTIFICATIONS,
				m -> email.equals(m.path("to").asString()) && "EMAIL_VERIFICATION".equals(m.path("kind").asString()),
				Duration.ofSeconds(20));
		assertThat(links).hasSize(mails);
		return EventLog.tokenOf(links.get(links.size() - 1).get("link").asString());
	}

	static String claims(String accessToken) {
		return new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
	}

	UUID migratedPartner(String migrationEmail) {
		UUID partnerId = UUID.randomUUID();
		String payload = "{\"partnerId\":\"%s\",\"code\":\"ATELIE\",\"name\":\"L'Atelier Coworking Lyon SAS\",\"status\":\"UNCLAIMED\",\"platformFeeBps\":1500,\"migrationEmail\":\"%s\",\"neoNomadeId\":\"NN-P-1\",\"version\":1}"
			.formatted(partnerId, migrationEmail);
		this.kafka
			.send(EventLog.cloudEvent(Topics.VENUE_PARTNERS, partnerId.toString(), EventTypes.PARTNER_CREATED, payload))
			.join();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM pending_claim WHERE partner_id = :p")
				.param("p", partnerId)
				.query(Long.class)
				.single() == 1);
		return partnerId;
	}

	@Test
	void signsUpVerifiesAndLogsInWithTheNewPassword() throws Exception {
		String email = unique("claire");
		this.mvc.perform(post(API + "/signup").contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"email\":\"  %s \",\"password\":\"%s\",\"firstName\":\"Claire\",\"lastName\":\"Martin\",\"locale\":\"en\",\"company\":\" Acme Conseil \"}"
						.formatted(email.toUpperCase(), PASSWORD)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("VERIFICATION_SENT"));
		var mail = EventLog.await(Topics.IDENTITY_NOTIFICATIONS, m -> email.equals(m.path("to").asString()));
		assertThat(mail.get("kind").asString()).isEqualTo("EMAIL_VERIFICATION");
		assertThat(mail.get("locale").asString()).isEqualTo("en");
		assertThat(mail.get("link").asString()).startsWith("http://localhost:3000/verify-email?token=");
		String token = EventLog.tokenOf(mail.get("link").asString());
		assertThat(this.jdbc.sql("SELECT count(*) FROM email_verification WHERE token_hash = :t")
			.param("t", token)
			.query(Long.class)
			.single()).as("the token itself is never stored").isZero();

		verify(token, PASSWORD).andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(email))
			.andExpect(jsonPath("$.claimedPartnerIds").isEmpty());

		String accessToken = KeycloakSupport.server().accessToken(email, PASSWORD);
		assertThat(claims(accessToken)).contains("\"email_verified\":true").contains("\"employee\"");
		this.mvc.perform(get(API + "/me").header("Authorization", "Bearer " + accessToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(email))
			.andExpect(jsonPath("$.firstName").value("Claire"))
			.andExpect(jsonPath("$.roles[0]").value("employee"))
			.andExpect(jsonPath("$.company").value("Acme Conseil"))
			.andExpect(jsonPath("$.memberships").isEmpty());
		// the company travels with the user, for the partners she books
		var verified = EventLog.await(Topics.IDENTITY_USERS,
				u -> email.equals(u.path("email").asString()) && u.path("emailVerified").asBoolean());
		assertThat(verified.path("company").asString()).isEqualTo("Acme Conseil");

		// the link works once
		verify(token, "Another-Password-2026").andExpect(status().isGone());
		KeycloakSupport.server().accessToken(email, PASSWORD);
	}

	@Test
	void anExpiredOrUnknownVerificationLinkIsGone() throws Exception {
		String email = unique("late");
		signup(email, PASSWORD);
		String token = EventLog.tokenOf(EventLog.mailLink(email, "EMAIL_VERIFICATION"));
		// 24 h later
		this.jdbc
			.sql("UPDATE email_verification SET expires_at = now() - interval '1 second' WHERE user_id = "
					+ "(SELECT id FROM user_account WHERE email = :e)")
			.param("e", email)
			.update();
		verify(token, PASSWORD).andExpect(status().isGone())
			.andExpect(jsonPath("$.detail").value("This verification link expired; sign up again to get a new one"));
		verify("made-up", PASSWORD).andExpect(status().isGone());

		// signing up again replaces the expired sign-up: the fresh link finishes it
		assertThat(signup(email, PASSWORD).getResponse().getStatus()).isEqualTo(202);
		String fresh = latestVerificationToken(email, 2);
		verify(fresh, PASSWORD).andExpect(status().isOk()).andExpect(jsonPath("$.email").value(email));
		assertThat(claims(KeycloakSupport.server().accessToken(email, PASSWORD))).contains("\"email_verified\":true");
	}

	/**
	 * Someone who signed up and lost the mail asks for help: a fresh link, the old one
	 * void.
	 */
	@Test
	void loginHelpForAnUnverifiedSignUpMailsAFreshVerificationLink() throws Exception {
		String email = unique("lost");
		signup(email, null);
		String first = latestVerificationToken(email, 1);
		this.mvc
			.perform(post(API + "/login-help").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"" + email + "\"}"))
			.andExpect(status().isAccepted());
		String fresh = latestVerificationToken(email, 2);
		verify(first, PASSWORD).andExpect(status().isGone());
		verify(fresh, PASSWORD).andExpect(status().isOk());
		KeycloakSupport.server().accessToken(email, PASSWORD);
	}

	@Test
	void theVerificationStepRefusesAMissingOrWeakPasswordNamingTheRuleAndTheLinkStillWorks() throws Exception {
		String email = unique("weak");
		signup(email, null);
		String token = EventLog.tokenOf(EventLog.mailLink(email, "EMAIL_VERIFICATION"));
		verify(token, null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("choose your password")));
		verify(token, "short").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"))
			.andExpect(jsonPath("$.errors[0].message")
				.value(org.hamcrest.Matchers.containsString("at least 12 characters")));
		assertThat(this.jdbc.sql("SELECT email_verified FROM user_account WHERE email = :e")
			.param("e", email)
			.query(Boolean.class)
			.single()).isFalse();
		verify(token, PASSWORD).andExpect(status().isOk());
		KeycloakSupport.server().accessToken(email, PASSWORD);
	}

	/**
	 * Account pre-hijacking: a stranger signs up first with the migration address and a
	 * password of his own. Whichever genuine link the owner then follows (the one his
	 * sign-up sent her, or the one of her own sign-up), the password that works is hers,
	 * the listing is hers, and his password opens nothing.
	 */
	@Test
	void aStrangerWhoSignsUpFirstWithTheMigrationAddressEndsUpWithNothing() throws Exception {
		String attackerPassword = "Attacker-Chosen-2026";
		for (boolean ownerSignsUpToo : new boolean[] { false, true }) {
			String migrationEmail = unique("prehijack");
			UUID partner = migratedPartner(migrationEmail);
			assertThat(signup(migrationEmail, attackerPassword).getResponse().getStatus()).isEqualTo(202);
			assertThatThrownBy(() -> KeycloakSupport.server().accessToken(migrationEmail, attackerPassword))
				.as("an unverified account has no password")
				.isInstanceOf(RuntimeException.class);
			String link;
			if (ownerSignsUpToo) {
				String first = latestVerificationToken(migrationEmail, 1);
				assertThat(signup(migrationEmail, null).getResponse().getStatus()).isEqualTo(202);
				link = latestVerificationToken(migrationEmail, 2);
				verify(first, attackerPassword).andExpect(status().isGone());
			}
			else {
				link = latestVerificationToken(migrationEmail, 1);
			}
			verify(link, PASSWORD).andExpect(status().isOk())
				.andExpect(jsonPath("$.claimedPartnerIds[0]").value(partner.toString()));
			assertThat(owners(partner)).isEqualTo(1);
			assertThatThrownBy(() -> KeycloakSupport.server().accessToken(migrationEmail, attackerPassword))
				.as("the stranger's password (owner signed up too: %s)", ownerSignsUpToo)
				.isInstanceOf(RuntimeException.class);
			assertThat(claims(KeycloakSupport.server().accessToken(migrationEmail, PASSWORD))).contains("\"partner\"");
		}
	}

	@Test
	void theMigrationAddressClaimsItsListingOnceVerifiedAndNobodyElseCan() throws Exception {
		String migrationEmail = unique("contact");
		UUID partner = migratedPartner(migrationEmail);

		// someone else signs up and verifies: nothing attached
		verifiedUser(unique("stranger"));
		assertThat(owners(partner)).isZero();

		// the right address, not verified yet: nothing attached
		assertThat(signup(migrationEmail, PASSWORD).getResponse().getStatus()).isEqualTo(202);
		assertThat(owners(partner)).isZero();

		String token = EventLog.tokenOf(EventLog.mailLink(migrationEmail, "EMAIL_VERIFICATION"));
		verify(token, PASSWORD).andExpect(status().isOk())
			.andExpect(jsonPath("$.claimedPartnerIds[0]").value(partner.toString()));
		var granted = EventLog.await(Topics.IDENTITY_MEMBERSHIPS,
				m -> partner.toString().equals(m.path("partnerId").asString()));
		assertThat(granted.get("role").asString()).isEqualTo("OWNER");
		assertThat(granted.get("active").asBoolean()).isTrue();

		String accessToken = KeycloakSupport.server().accessToken(migrationEmail, PASSWORD);
		assertThat(claims(accessToken)).contains("\"partner\"");
		this.mvc.perform(get(API + "/me").header("Authorization", "Bearer " + accessToken))
			.andExpect(jsonPath("$.memberships[0].partnerId").value(partner.toString()))
			.andExpect(jsonPath("$.memberships[0].role").value("OWNER"));

		// signing up again with the same address claims nothing twice and says "you
		// already have an account"
		assertThat(signup(migrationEmail, PASSWORD).getResponse().getStatus()).isEqualTo(202);
		EventLog.await(Topics.IDENTITY_NOTIFICATIONS, m -> migrationEmail.equals(m.path("to").asString())
				&& "ACCOUNT_EXISTS".equals(m.path("kind").asString()));
		assertThat(owners(partner)).isEqualTo(1);
		assertThat(EventLog.readAll(Topics.IDENTITY_MEMBERSHIPS,
				m -> partner.toString().equals(m.path("partnerId").asString()), Duration.ofSeconds(3)))
			.hasSize(1);
	}

	@Test
	void anOwnerInvitesAManagerWhoAcceptsWithTheInvitedAddressOnly() throws Exception {
		String ownerEmail = unique("owner");
		UUID partner = migratedPartner(ownerEmail);
		String owner = verifiedUser(ownerEmail);
		String managerEmail = unique("manager");
		// the owner of another migrated partner
		String intruderEmail = unique("intruder");
		migratedPartner(intruderEmail);
		String stranger = verifiedUser(intruderEmail);
		assertThat(claims(stranger)).contains("\"partner\"");

		String invitation = this.mvc
			.perform(post(API + "/partners/" + partner + "/invitations").header("Authorization", "Bearer " + owner)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"%s\",\"firstName\":\"Marc\",\"lastName\":\"Durand\",\"role\":\"MANAGER\"}"
					.formatted(managerEmail)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.invitationId").isNotEmpty())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var mail = EventLog.await(Topics.IDENTITY_NOTIFICATIONS,
				m -> managerEmail.equals(m.path("to").asString()) && "INVITATION".equals(m.path("kind").asString()));
		assertThat(mail.get("inviterName").asString()).isEqualTo("Claire Martin");
		assertThat(mail.get("partnerName").asString()).isEqualTo("L'Atelier Coworking Lyon SAS");
		String token = EventLog.tokenOf(mail.get("link").asString());

		// the link in someone else's hands
		this.mvc.perform(post(API + "/invitations/" + token + "/accept").header("Authorization", "Bearer " + stranger))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/invitation-for-another-address")))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("log in with m***@")));
		// and another partner's owner sees nothing of this team and changes nothing
		this.mvc.perform(get(API + "/partners/" + partner + "/members").header("Authorization", "Bearer " + stranger))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get(API + "/partners/" + partner + "/invitations").header("Authorization", "Bearer " + stranger))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post(API + "/partners/" + partner + "/invitations").header("Authorization", "Bearer " + stranger)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"x@y.fr\",\"firstName\":\"X\",\"lastName\":\"Y\",\"role\":\"OWNER\"}"))
			.andExpect(status().isForbidden());
		String ownerId = claims(owner).replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
		this.mvc
			.perform(put(API + "/partners/" + partner + "/members/" + ownerId)
				.header("Authorization", "Bearer " + stranger)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"role\":\"FINANCE\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(delete(API + "/partners/" + partner + "/members/" + ownerId).header("Authorization",
					"Bearer " + stranger))
			.andExpect(status().isForbidden());

		String manager = verifiedUser(managerEmail);
		this.mvc.perform(post(API + "/invitations/" + token + "/accept").header("Authorization", "Bearer " + manager))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.partnerId").value(partner.toString()))
			.andExpect(jsonPath("$.role").value("MANAGER"));
		this.mvc.perform(post(API + "/invitations/" + token + "/accept").header("Authorization", "Bearer " + manager))
			.andExpect(status().isGone());

		// a MANAGER cannot invite, nor see the team
		this.mvc
			.perform(post(API + "/partners/" + partner + "/invitations").header("Authorization", "Bearer " + manager)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"x@y.fr\",\"firstName\":\"X\",\"lastName\":\"Y\",\"role\":\"FINANCE\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(API + "/partners/" + partner + "/members").header("Authorization", "Bearer " + manager))
			.andExpect(status().isNotFound());
		// inviting an existing member is a conflict
		this.mvc
			.perform(post(API + "/partners/" + partner + "/invitations").header("Authorization", "Bearer " + owner)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"%s\",\"firstName\":\"Marc\",\"lastName\":\"Durand\",\"role\":\"FINANCE\"}"
					.formatted(managerEmail)))
			.andExpect(status().isConflict());

		this.mvc.perform(get(API + "/partners/" + partner + "/members").header("Authorization", "Bearer " + owner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2));
		assertThat(invitation).contains("expiresAt");
	}

	@Test
	void revokedAndExpiredInvitationsAreGoneAndTheLastOwnerStays() throws Exception {
		String ownerEmail = unique("boss");
		UUID partner = migratedPartner(ownerEmail);
		String owner = verifiedUser(ownerEmail);
		UUID ownerId = UUID.fromString(claims(owner).replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1"));
		String financeEmail = unique("finance");
		String finance = verifiedUser(financeEmail);

		String revokedId = invite(owner, partner, financeEmail, "FINANCE");
		String revokedToken = EventLog.tokenOf(EventLog.mailLink(financeEmail, "INVITATION"));
		this.mvc
			.perform(delete(API + "/partners/" + partner + "/invitations/" + revokedId).header("Authorization",
					"Bearer " + owner))
			.andExpect(status().isNoContent());
		this.mvc
			.perform(
					post(API + "/invitations/" + revokedToken + "/accept").header("Authorization", "Bearer " + finance))
			.andExpect(status().isGone());

		invite(owner, partner, financeEmail, "FINANCE");
		String[] tokens = EventLog
			.readAll(Topics.IDENTITY_NOTIFICATIONS,
					m -> financeEmail.equals(m.path("to").asString()) && "INVITATION".equals(m.path("kind").asString()),
					Duration.ofSeconds(10))
			.stream()
			.map(m -> EventLog.tokenOf(m.get("link").asString()))
			.toArray(String[]::new);
		String latest = tokens[tokens.length - 1];
		this.jdbc.sql(
				"UPDATE invitation SET expires_at = now() - interval '1 second' WHERE email = :e AND status = 'PENDING'")
			.param("e", financeEmail)
			.update();
		this.mvc.perform(post(API + "/invitations/" + latest + "/accept").header("Authorization", "Bearer " + finance))
			.andExpect(status().isGone());
		this.mvc.perform(get(API + "/partners/" + partner + "/invitations").header("Authorization", "Bearer " + owner))
			.andExpect(jsonPath("$.items[0].status").value("EXPIRED"))
			.andExpect(jsonPath("$.items[1].status").value("REVOKED"));

		this.mvc
			.perform(delete(API + "/partners/" + partner + "/members/" + ownerId).header("Authorization",
					"Bearer " + owner))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("last OWNER")));
		this.mvc
			.perform(
					put(API + "/partners/" + partner + "/members/" + ownerId).header("Authorization", "Bearer " + owner)
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"role\":\"FINANCE\"}"))
			.andExpect(status().isUnprocessableContent());
		assertThat(owners(partner)).isEqualTo(1);
	}

	@Test
	void signupAndLoginHelpAnswerTheSameForKnownAndUnknownAddresses() throws Exception {
		String known = unique("known");
		verifiedUser(known);
		MvcResult forKnown = signup(known, PASSWORD);
		MvcResult forUnknown = signup(unique("unknown"), PASSWORD);
		assertThat(forKnown.getResponse().getStatus()).isEqualTo(forUnknown.getResponse().getStatus()).isEqualTo(202);
		assertThat(forKnown.getResponse().getContentAsByteArray())
			.isEqualTo(forUnknown.getResponse().getContentAsByteArray());
		assertThat(forKnown.getResponse().getContentType()).isEqualTo(forUnknown.getResponse().getContentType());

		MvcResult helpKnown = this.mvc
			.perform(post(API + "/login-help").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"" + known + "\"}"))
			.andReturn();
		MvcResult helpUnknown = this.mvc
			.perform(post(API + "/login-help").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"" + unique("nobody") + "\"}"))
			.andReturn();
		String migrated = unique("migrated");
		migratedPartner(migrated);
		MvcResult helpMigrated = this.mvc
			.perform(post(API + "/login-help").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"" + migrated + "\"}"))
			.andReturn();
		for (MvcResult r : new MvcResult[] { helpKnown, helpUnknown, helpMigrated }) {
			assertThat(r.getResponse().getStatus()).isEqualTo(202);
			assertThat(r.getResponse().getContentAsByteArray())
				.isEqualTo(helpUnknown.getResponse().getContentAsByteArray());
		}
		var claimMail = EventLog.await(Topics.IDENTITY_NOTIFICATIONS,
				m -> migrated.equals(m.path("to").asString()) && "CLAIM_LINK".equals(m.path("kind").asString()));
		assertThat(claimMail.get("partnerName").asString()).isEqualTo("L'Atelier Coworking Lyon SAS");
	}

	@Test
	void aKeycloakUserLeftByAnInterruptedSignupIsRemovedOnceKeycloakAnswers() throws Exception {
		String email = unique("orphan");
		UUID orphan = this.keycloak.createUser(new IdentityProvider.NewUser(email, "Olga", "Orphan", "fr"));
		this.jdbc.sql("INSERT INTO signup_attempt (email, started_at) VALUES (:e, now() - interval '5 minutes')")
			.param("e", email)
			.update();
		assertThat(this.keycloak.findUserByEmail(email)).contains(orphan);

		int removed = reconciler().reconcile();

		assertThat(removed).isGreaterThanOrEqualTo(1);
		assertThat(this.keycloak.findUserByEmail(email)).isEmpty();
		// and the person can sign up again from scratch
		assertThat(signup(email, PASSWORD).getResponse().getStatus()).isEqualTo(202);
		EventLog.mailLink(email, "EMAIL_VERIFICATION");
	}

	@Autowired
	org.springframework.context.ApplicationContext context;

	com.worklib.identity.user.SignupReconcilerAccess reconciler() {
		return new com.worklib.identity.user.SignupReconcilerAccess(this.context);
	}

	String invite(String owner, UUID partner, String email, String role) throws Exception {
		String body = this.mvc
			.perform(post(API + "/partners/" + partner + "/invitations").header("Authorization", "Bearer " + owner)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"%s\",\"firstName\":\"F\",\"lastName\":\"G\",\"role\":\"%s\"}".formatted(email,
						role)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return body.replaceAll(".*\"invitationId\":\"([^\"]+)\".*", "$1");
	}

	long owners(UUID partner) {
		return this.jdbc
			.sql("SELECT count(*) FROM partner_membership WHERE partner_id = :p AND active AND role = 'OWNER'")
			.param("p", partner)
			.query(Long.class)
			.single();
	}

}
