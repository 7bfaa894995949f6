package com.worklib.payment.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Account;
import com.stripe.model.Event;
import com.stripe.model.Payout;
import com.stripe.model.StripeObject;
import com.stripe.model.Transfer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.worklib.payment.account.ConnectedAccountService;
import com.worklib.payment.payout.PayoutSettlements;
import com.worklib.payment.provider.StripePaymentProvider;

/**
 * Applies a verified Stripe event once: its id goes into {@code stripe_event} in the same
 * transaction as its effect, so Stripe's redeliveries (and replays) change nothing.
 */
@Component
public class StripeWebhooks {

	private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ConnectedAccountService accounts;

	private final PayoutSettlements settlements;

	private final Clock clock;

	StripeWebhooks(JdbcClient jdbc, TransactionTemplate transactions, ConnectedAccountService accounts,
			PayoutSettlements settlements, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.accounts = accounts;
		this.settlements = settlements;
		this.clock = clock;
	}

	public String handle(Event event) {
		Instant created = Instant.ofEpochSecond(event.getCreated());
		return this.transactions.execute(tx -> {
			int inserted = this.jdbc.sql("""
					INSERT INTO stripe_event (event_id, type, account, created, received_at, outcome)
					VALUES (:id, :type, :account, :created, :now, 'received') ON CONFLICT (event_id) DO NOTHING
					""")
				.param("id", event.getId())
				.param("type", event.getType())
				.param("account", event.getAccount())
				.param("created", Timestamp.from(created))
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
			if (inserted == 0) {
				return "duplicate";
			}
			String outcome = apply(event, created);
			this.jdbc.sql("UPDATE stripe_event SET outcome = :outcome WHERE event_id = :id")
				.param("outcome", outcome)
				.param("id", event.getId())
				.update();
			log.info("Stripe event {} {}: {}", event.getId(), event.getType(), outcome);
			return outcome;
		});
	}

	private String apply(Event event, Instant created) {
		return switch (event.getType()) {
			case "account.updated" ->
				this.accounts.apply(StripePaymentProvider.stateOf((Account) object(event)), created)
					.map(a -> "account " + a.status())
					.orElse("ignored: unknown account or older than the state applied");
			case "transfer.reversed" ->
				this.settlements.transferReversed(((Transfer) object(event)).getId()) + " payout(s) failed";
			case "payout.paid", "payout.failed" -> {
				Payout payout = (Payout) object(event);
				String account = event.getAccount();
				if (account == null) {
					yield "ignored: a payout of the platform account";
				}
				boolean paid = "payout.paid".equals(event.getType());
				yield this.settlements.bankPayout(account, Instant.ofEpochSecond(payout.getCreated()), paid,
						payout.getFailureMessage()) + " payout(s) " + (paid ? "paid" : "failed");
			}
			default -> "ignored: not an event Worklib acts on";
		};
	}

	/** The event's object; read even when its API version differs from the client's. */
	private static StripeObject object(Event event) {
		return event.getDataObjectDeserializer().getObject().orElseGet(() -> {
			try {
				return event.getDataObjectDeserializer().deserializeUnsafe();
			}
			catch (EventDataObjectDeserializationException ex) {
				throw new IllegalArgumentException("Stripe event " + event.getId() + " has an unreadable object", ex);
			}
		});
	}

}
