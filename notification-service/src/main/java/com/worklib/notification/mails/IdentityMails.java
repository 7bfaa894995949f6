package com.worklib.notification.mails;

import java.util.Locale;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.contracts.identity.MailRequestPayload;
import com.worklib.notification.contact.PartnerChanged;
import com.worklib.notification.delivery.DeliveryRepository;
import com.worklib.notification.delivery.MailContent;
import com.worklib.notification.delivery.MailRenderer;
import com.worklib.platform.messaging.IncomingEvent;

/**
 * Mails identity-service asks for (verification, account exists, claim link, invitation)
 * go to exactly the address they were requested for, with the link they carry; and the
 * migration mail goes once to each imported partner's migration address.
 */
@Component
class IdentityMails {

	private static final Logger log = LoggerFactory.getLogger(IdentityMails.class);

	private final DeliveryRepository deliveries;

	private final MailRenderer renderer;

	private final MailFormats formats;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	IdentityMails(DeliveryRepository deliveries, MailRenderer renderer, MailFormats formats,
			TransactionTemplate transactions, JsonMapper json) {
		this.deliveries = deliveries;
		this.renderer = renderer;
		this.formats = formats;
		this.transactions = transactions;
		this.json = json;
	}

	@KafkaListener(id = "notification-mail-requests", topics = Topics.IDENTITY_NOTIFICATIONS,
			groupId = "notification-service-mail-requests")
	void onMailRequested(ConsumerRecord<String, String> record) {
		IncomingEvent event = IncomingEvent.from(record);
		if (!EventTypes.MAIL_REQUESTED.equals(event.type())) {
			return;
		}
		MailRequestPayload mail = event.payloadAs(this.json, MailRequestPayload.class);
		Locale locale = MailRenderer.locale(mail.locale());
		MailContent content = switch (mail.kind()) {
			case "EMAIL_VERIFICATION" -> MailContent.of("email-verification", event.id(), mail.to(), locale)
				.accountMail()
				.greeting(mail.firstName())
				.paragraph("p1")
				.paragraph("p2")
				.detail("expires", MailFormats.moment(mail.expiresAt(), locale))
				.action(mail.link())
				.build();
			case "ACCOUNT_EXISTS" -> MailContent.of("account-exists", event.id(), mail.to(), locale)
				.accountMail()
				.paragraph("p1")
				.paragraph("p2")
				.action(mail.link())
				.build();
			case "CLAIM_LINK" -> MailContent.of("claim-link", event.id(), mail.to(), locale)
				.accountMail()
				.subject(mail.partnerName())
				.paragraph("p1", mail.partnerName())
				.action(mail.link())
				.build();
			case "INVITATION" -> MailContent.of("invitation", event.id(), mail.to(), locale)
				.accountMail()
				.greeting(mail.firstName())
				.subject(mail.inviterName(), mail.partnerName())
				.paragraph("p1", mail.inviterName(), mail.partnerName(),
						this.renderer.text("role." + mail.role(), locale))
				.paragraph("p2")
				.detail("expires", MailFormats.moment(mail.expiresAt(), locale))
				.action(mail.link())
				.build();
			default -> null;
		};
		if (content == null) {
			log.warn("Mail request {} of unknown kind {} ignored", event.id(), mail.kind());
			return;
		}
		this.transactions.executeWithoutResult(tx -> this.deliveries.queue(content));
	}

	/** Once per imported partner, while it is unclaimed. */
	@org.springframework.transaction.event.TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void onPartnerChanged(PartnerChanged changed) {
		var partner = changed.partner();
		if (partner.migrationEmail() == null || !"UNCLAIMED".equals(partner.status())) {
			return;
		}
		String signup = this.formats.webBaseUrl + "/signup?email="
				+ java.net.URLEncoder.encode(partner.migrationEmail(), java.nio.charset.StandardCharsets.UTF_8);
		this.deliveries.queue(MailContent
			.of("migration", "migration:" + partner.partnerId(), partner.migrationEmail(), MailRenderer.FRENCH)
			.subject(partner.name())
			.paragraph("p1", partner.name())
			.paragraph("p2", partner.migrationEmail())
			.paragraph("p3")
			.action(signup)
			.build());
	}

}
