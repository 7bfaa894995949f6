package com.worklib.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import com.worklib.platform.test.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;

class MailCaptureTest {

	@Test
	void servesCapturedMailPerRecipientAsJson() throws Exception {
		int smtp = FreePorts.find();
		try (MailCapture capture = new MailCapture(smtp, 0).start(); HttpClient http = HttpClient.newHttpClient()) {
			send(smtp, "contact@atelier-lyon.fr", "Votre espace a rejoint Worklib",
					"Inscrivez-vous avec cette adresse.");
			send(smtp, "someone@else.fr", "Autre", "Rien");

			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI
					.create("http://127.0.0.1:" + capture.httpPort() + "/api/messages?to=Contact%40Atelier-Lyon.fr"))
				.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
			assertThat(response.body()).contains("\"subject\":\"Votre espace a rejoint Worklib\"")
				.contains("\"from\":\"no-reply@worklib.test\"")
				.contains("\"to\":[\"contact@atelier-lyon.fr\"]")
				.contains("Inscrivez-vous")
				.contains("\"receivedAt\":\"20")
				.doesNotContain("Autre");
		}
	}

	@Test
	void keepsTheNewestMailsOnly() throws Exception {
		int smtp = FreePorts.find();
		try (MailCapture capture = new MailCapture(smtp, 0, 3).start(); HttpClient http = HttpClient.newHttpClient()) {
			for (int i = 1; i <= 5; i++) {
				send(smtp, i % 2 == 0 ? "even@example.test" : "odd@example.test", "Mail " + i, "n° " + i);
				Thread.sleep(5);
			}

			assertThat(capture.trim()).isEqualTo(2);
			assertThat(capture.messagesTo(null)).extracting(m -> m.get("subject"))
				.containsExactlyInAnyOrder("Mail 3", "Mail 4", "Mail 5");
			assertThat(capture.messagesTo("odd@example.test")).extracting(m -> m.get("subject"))
				.containsExactlyInAnyOrder("Mail 3", "Mail 5");
			assertThat(capture.trim()).isZero();
		}
	}

	static void send(int port, String to, String subject, String text) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(port));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("no-reply@worklib.test"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject, "UTF-8");
		message.setText(text, "UTF-8");
		message.setSentDate(new java.util.Date());
		Transport.send(message);
	}

}
