package com.worklib.billing.close;

import java.time.YearMonth;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.worklib.contracts.Topics;
import com.worklib.contracts.billing.ClosePartnerMonth;

/**
 * Consumes close commands; every replica in one group,
 * {@code worklib.billing.close.concurrency} consumers each. A redelivered command finds
 * the invoice already issued and changes nothing.
 */
@Component
class CloseCommandListener {

	private final InvoiceIssuer issuer;

	private final ClosingService closings;

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	CloseCommandListener(InvoiceIssuer issuer, ClosingService closings, JsonMapper json,
			PlatformTransactionManager transactionManager) {
		this.issuer = issuer;
		this.closings = closings;
		this.json = json;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	@KafkaListener(id = "billing-close", topics = Topics.BILLING_CLOSE_COMMANDS, groupId = "billing-service-close",
			concurrency = "${worklib.billing.close.concurrency:3}",
			containerFactory = "idempotentListenerContainerFactory")
	void onCommand(ConsumerRecord<String, String> record) {
		ClosePartnerMonth command = this.json.readValue(record.value(), ClosePartnerMonth.class);
		// the invoice and the closing's progress commit together
		this.transaction.executeWithoutResult(status -> {
			InvoiceIssuer.Outcome outcome = this.issuer.close(command.partnerId(), YearMonth.parse(command.month()),
					command.closingId());
			this.closings.record(command.closingId(), command.partnerId(), outcome);
		});
	}

}
