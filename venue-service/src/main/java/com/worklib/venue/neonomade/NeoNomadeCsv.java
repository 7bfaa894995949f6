package com.worklib.venue.neonomade;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.worklib.platform.domain.FieldValidationException;
import com.worklib.platform.money.Money;
import com.worklib.platform.money.PriceUnit;
import com.worklib.platform.money.VatRate;
import com.worklib.platform.security.EmailAddresses;
import com.worklib.venue.establishment.Address;
import com.worklib.venue.establishment.BookingContact;
import com.worklib.venue.establishment.Establishment.EstablishmentDetails;
import com.worklib.venue.establishment.OpeningHours;
import com.worklib.venue.shared.Phones;
import com.worklib.venue.shared.Texts;
import com.worklib.venue.workspace.BookingMode;
import com.worklib.venue.workspace.Workspace.WorkspaceDetails;
import com.worklib.venue.workspace.WorkspaceType;

/**
 * Reads the Neo-nomade export: semicolon-separated, UTF-8 with or without BOM, quoted
 * fields that may hold {@code ;} and line breaks, decimal comma or dot. Each record
 * becomes a {@link NeoNomadeRow} or an {@link ImportError} naming the line and the
 * column.
 */
final class NeoNomadeCsv {

	static final List<String> COLUMNS = List.of("nn_partner_id", "partner_legal_name", "migration_email",
			"platform_fee_percent", "nn_establishment_id", "establishment_name", "address_line1", "address_line2",
			"postal_code", "city", "country", "timezone", "opening_hours", "booking_contact_email",
			"booking_contact_phone", "nn_workspace_id", "workspace_type", "workspace_name", "capacity", "booking_mode",
			"price_unit", "price_excl_vat", "vat_rate_percent");

	private static final CSVFormat FORMAT = CSVFormat.Builder.create()
		.setDelimiter(';')
		.setQuote('"')
		.setRecordSeparator("\n")
		.setIgnoreEmptyLines(true)
		.setTrim(true)
		.get();

	private NeoNomadeCsv() {
	}

	/** Streams the file: each line is handed over as soon as it is read. */
	static void read(InputStream in, Consumer<NeoNomadeRow> rows, Consumer<ImportError> errors) {
		try (Reader reader = withoutBom(in); CSVParser parser = FORMAT.parse(reader)) {
			var iterator = parser.iterator();
			if (!iterator.hasNext()) {
				throw FieldValidationException.of("file", "is empty: expected a header line with " + COLUMNS);
			}
			List<String> header = iterator.next().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
			if (!header.equals(COLUMNS)) {
				throw FieldValidationException.of("header",
						"must be exactly " + String.join(";", COLUMNS) + " but was " + String.join(";", header));
			}
			long nextLine = parser.getCurrentLineNumber() + 1;
			while (iterator.hasNext()) {
				long line = nextLine;
				CSVRecord record = iterator.next();
				nextLine = parser.getCurrentLineNumber() + 1;
				try {
					rows.accept(toRow(line, record));
				}
				catch (RowException ex) {
					errors.accept(new ImportError(line, ex.getMessage()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			throw FieldValidationException.of("file", "cannot be read as CSV: " + ex.getMessage());
		}
	}

	private static Reader withoutBom(InputStream in) throws IOException {
		PushbackReader reader = new PushbackReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1);
		int first = reader.read();
		if (first != -1 && first != '\uFEFF') {
			reader.unread(first);
		}
		return reader;
	}

	static NeoNomadeRow toRow(long line, CSVRecord record) {
		if (record.size() != COLUMNS.size()) {
			throw new RowException(COLUMNS.size() + " columns expected, found " + record.size());
		}
		Fields f = new Fields(record);
		String country = f.required("country").toUpperCase(Locale.ROOT);
		if (!country.matches("[A-Z]{2}")) {
			throw new RowException("country: '" + country + "' is not an ISO 3166 alpha-2 code such as FR");
		}
		String migrationEmail = EmailAddresses.normalize(f.required("migration_email"));
		if (!EmailAddresses.isValid(migrationEmail)) {
			throw new RowException("migration_email: '" + migrationEmail + "' is not an email address");
		}
		String contactEmail = EmailAddresses.normalize(f.required("booking_contact_email"));
		if (!EmailAddresses.isValid(contactEmail)) {
			throw new RowException("booking_contact_email: '" + contactEmail + "' is not an email address");
		}
		String phone = Phones.toE164(f.required("booking_contact_phone"), country)
			.orElseThrow(() -> new RowException(
					"booking_contact_phone: '" + f.raw("booking_contact_phone") + "' is not a valid phone number"));
		ZoneId zone;
		try {
			zone = ZoneId.of(f.required("timezone"));
		}
		catch (RuntimeException ex) {
			throw new RowException(
					"timezone: '" + f.raw("timezone") + "' is not an IANA time zone such as Europe/Paris");
		}
		List<OpeningHours> hours;
		try {
			hours = OpeningHours.parseNeoNomade(f.required("opening_hours"));
		}
		catch (IllegalArgumentException ex) {
			throw new RowException("opening_hours: " + ex.getMessage());
		}
		int feeBps = percentToBps("platform_fee_percent", f.required("platform_fee_percent"));
		if (feeBps < 0 || feeBps > 10_000) {
			throw new RowException("platform_fee_percent: must be between 0 and 100");
		}
		int vatBps = percentToBps("vat_rate_percent", f.required("vat_rate_percent"));
		if (!VatRate.FRENCH_RATES.contains(vatBps)) {
			throw new RowException("vat_rate_percent: " + f.raw("vat_rate_percent")
					+ " is not a French VAT rate (0, 2.1, 5.5, 10, 20)");
		}
		int capacity = f.integer("capacity");
		if (capacity < 1) {
			throw new RowException("capacity: must be at least 1");
		}
		long priceMinor = euros("price_excl_vat", f.required("price_excl_vat"));
		if (priceMinor <= 0) {
			throw new RowException("price_excl_vat: must be more than 0");
		}
		EstablishmentDetails establishment = new EstablishmentDetails(f.required("establishment_name"),
				new Address(f.required("address_line1"), Texts.blankToNull(f.raw("address_line2")),
						f.required("postal_code"), f.required("city"), country),
				zone, hours, null, new BookingContact(contactEmail, phone), null);
		WorkspaceDetails workspace = new WorkspaceDetails(
				f.choice("workspace_type", WorkspaceType.class, "desk, meeting_room or private_office"),
				f.required("workspace_name"), capacity,
				f.choice("booking_mode", BookingMode.class, "instant or request"),
				f.choice("price_unit", PriceUnit.class, "hour, half_day or day"), Money.eur(priceMinor),
				new VatRate(vatBps), true);
		return new NeoNomadeRow(line, f.required("nn_partner_id"),
				new NeoNomadeRow.PartnerData(f.required("partner_legal_name"), migrationEmail, feeBps),
				f.required("nn_establishment_id"), establishment, f.required("nn_workspace_id"), workspace);
	}

	/**
	 * {@code 20}, {@code 5,5}, {@code 2.1} percent → basis points; more than two decimals
	 * is refused.
	 */
	static int percentToBps(String column, String value) {
		long bps = hundredths(column, value);
		if (bps < Integer.MIN_VALUE || bps > Integer.MAX_VALUE) {
			throw new RowException(column + ": must be between 0 and 100");
		}
		return (int) bps;
	}

	/**
	 * {@code 35}, {@code 35,50}, {@code 35.5} euros → cents; more than two decimals is
	 * refused.
	 */
	static long euros(String column, String value) {
		return hundredths(column, value);
	}

	private static long hundredths(String column, String value) {
		try {
			return decimal(column, value).movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
		}
		catch (ArithmeticException ex) {
			throw new RowException(column + ": '" + value + "' has more than two decimals");
		}
	}

	private static BigDecimal decimal(String column, String value) {
		String normalized = value.replace("\u00A0", "").replace(" ", "").replace(',', '.');
		if (!normalized.matches("-?\\d+(\\.\\d+)?")) {
			throw new RowException(column + ": '" + value + "' is not a number");
		}
		return new BigDecimal(normalized);
	}

	/** Field access by column name, with the column named in every error. */
	private record Fields(CSVRecord record) {

		String raw(String column) {
			return this.record.get(COLUMNS.indexOf(column));
		}

		String required(String column) {
			String value = raw(column);
			if (value == null || value.isBlank()) {
				throw new RowException(column + ": is empty");
			}
			return value.trim();
		}

		int integer(String column) {
			String value = required(column);
			try {
				return Integer.parseInt(value);
			}
			catch (NumberFormatException ex) {
				throw new RowException(column + ": '" + value + "' is not a whole number");
			}
		}

		<E extends Enum<E>> E choice(String column, Class<E> type, String allowed) {
			String value = required(column);
			try {
				return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new RowException(column + ": '" + value + "' is not one of " + allowed);
			}
		}

	}

	/** A line that cannot be imported; its message names the column. */
	static final class RowException extends RuntimeException {

		RowException(String message) {
			super(message);
		}

	}

}
