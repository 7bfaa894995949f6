package com.worklib.platform.test;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailSupportIT {

	@Test
	void capturesAMailSentOverSmtpForItsRecipient() throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(MailSupport.smtpPort()));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("no-reply@worklib.test"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("contact@atelier-lyon.fr"));
		message.setSubject("Votre espace a rejoint Worklib", "UTF-8");
		message.setText("Inscrivez-vous avec cette adresse.", "UTF-8");
		Transport.send(message);

		MailSupport.Mail mail = MailSupport.awaitMessageTo("Contact@Atelier-Lyon.fr", Duration.ofSeconds(10));
		assertThat(mail.subject()).isEqualTo("Votre espace a rejoint Worklib");
		assertThat(mail.text()).contains("Inscrivez-vous");
		assertThat(MailSupport.messagesTo("someone-else@example.com")).isEmpty();
	}

}
