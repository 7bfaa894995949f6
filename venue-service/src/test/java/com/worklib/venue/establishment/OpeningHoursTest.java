package com.worklib.venue.establishment;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpeningHoursTest {

	@Test
	void readsNeoNomadeDayRangesAndSingleDays() {
		List<OpeningHours> hours = OpeningHours.parseNeoNomade("mon-fri 08:00-19:00, sat 9:00-13:00");
		assertThat(hours).hasSize(6);
		assertThat(hours.get(0)).isEqualTo(new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(19, 0)));
		assertThat(hours.get(5))
			.isEqualTo(new OpeningHours(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(13, 0)));
	}

	@Test
	void acceptsTwoRangesOnADayThatDoNotOverlap() {
		assertThat(OpeningHours.parseNeoNomade("mon 08:00-12:00, mon 14:00-18:00")).hasSize(2);
	}

	@Test
	void namesWhatIsWrong() {
		assertThatThrownBy(() -> OpeningHours.parseNeoNomade("lun-ven 08:00-19:00")).hasMessageContaining("lun-ven");
		assertThatThrownBy(() -> OpeningHours.parseNeoNomade("mon 19:00-08:00")).hasMessageContaining("opens at 19:00");
		assertThatThrownBy(() -> OpeningHours.parseNeoNomade("fri-mon 08:00-19:00")).hasMessageContaining("backwards");
		assertThatThrownBy(() -> OpeningHours.parseNeoNomade("mon 08:00-12:00, mon 11:00-18:00"))
			.hasMessageContaining("overlapping");
		assertThatThrownBy(() -> OpeningHours.parseNeoNomade("mon 08:00-25:00")).hasMessageContaining("25:00");
		assertThatThrownBy(() -> OpeningHours.parseNeoNomade(" ")).hasMessageContaining("empty");
	}

}
