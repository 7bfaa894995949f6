package com.worklib.web.employee;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.worklib.web.api.BookerApi;

/**
 * The search form as typed: times are venue-local "HH:mm" on the hour or half hour, as
 * the API takes them; a field the API refuses keeps what was typed.
 */
public class SearchForm {

	private String city;

	/**
	 * ISO, as a date input sends and shows it (a locale's 03/12/2026 would show empty).
	 */
	@org.springframework.format.annotation.DateTimeFormat(
			iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
	private LocalDate date;

	private String from = "09:00";

	private String to = "11:00";

	private String type;

	private Integer capacity;

	private UUID establishmentId;

	/** The times a person can choose, every half hour. */
	static List<String> times() {
		List<String> times = new ArrayList<>();
		for (LocalTime t = LocalTime.MIDNIGHT;; t = t.plusMinutes(30)) {
			times.add(t.toString());
			if (t.equals(LocalTime.of(23, 30))) {
				return times;
			}
		}
	}

	boolean asked() {
		return this.city != null && !this.city.isBlank();
	}

	/** The query; times the API would refuse are passed as null so it names them. */
	BookerApi.Query query() {
		return new BookerApi.Query(this.city == null ? null : this.city.trim(), this.date, time(this.from),
				time(this.to), this.type == null || this.type.isBlank() ? null : this.type, this.capacity,
				this.establishmentId);
	}

	private static LocalTime time(String value) {
		try {
			return value == null ? null : LocalTime.parse(value);
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	public String getCity() {
		return this.city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public LocalDate getDate() {
		return this.date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public String getFrom() {
		return this.from;
	}

	public void setFrom(String from) {
		this.from = from;
	}

	public String getTo() {
		return this.to;
	}

	public void setTo(String to) {
		this.to = to;
	}

	public String getType() {
		return this.type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public Integer getCapacity() {
		return this.capacity;
	}

	public void setCapacity(Integer capacity) {
		this.capacity = capacity;
	}

	public UUID getEstablishmentId() {
		return this.establishmentId;
	}

	public void setEstablishmentId(UUID establishmentId) {
		this.establishmentId = establishmentId;
	}

}
