package com.worklib.web.partner.listing;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.worklib.web.api.UserApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the listing forms read what a partner types: prices and a day's opening hours. */
class ListingFormsTest {

	@Test
	void pricesAreReadTheWayAFrenchOrEnglishPartnerTypesThem() {
		assertThat(WorkspacePages.cents("22")).contains(2200L);
		assertThat(WorkspacePages.cents("12,35")).contains(1235L);
		assertThat(WorkspacePages.cents("12.5")).contains(1250L);
		assertThat(WorkspacePages.cents("1 234,50 €")).contains(123450L);
		assertThat(WorkspacePages.cents("1\u202f234,50")).contains(123450L);
		assertThat(WorkspacePages.cents("12,345")).isEqualTo(Optional.empty());
		assertThat(WorkspacePages.cents("-5")).isEmpty();
		assertThat(WorkspacePages.cents("douze")).isEmpty();
		assertThat(WorkspacePages.cents("")).isEmpty();
	}

	@Test
	void aDayOfOpeningHoursIsOneOrSeveralRangesOrNothing() throws Exception {
		assertThat(WeekHours.parse(DayOfWeek.MONDAY, "08:00-19:00"))
			.containsExactly(new UserApi.Hours("MONDAY", "08:00", "19:00"));
		assertThat(WeekHours.parse(DayOfWeek.TUESDAY, "8h-12h30, 14:00 – 19:00")).containsExactly(
				new UserApi.Hours("TUESDAY", "08:00", "12:30"), new UserApi.Hours("TUESDAY", "14:00", "19:00"));
		assertThat(WeekHours.parse(DayOfWeek.SUNDAY, "  ")).isEmpty();
		assertThatThrownBy(() -> WeekHours.parse(DayOfWeek.MONDAY, "08:00-19:00, le matin"))
			.isInstanceOf(WeekHours.Unreadable.class)
			.hasMessage("le matin");
		assertThatThrownBy(() -> WeekHours.parse(DayOfWeek.MONDAY, "25:00-26:00"))
			.isInstanceOf(WeekHours.Unreadable.class);
	}

	@Test
	void theWeekShowsEachDayAsItWasSavedAndClosedDaysEmpty() {
		var week = WeekHours.format(List.of(new UserApi.Hours("MONDAY", "08:00", "12:00"),
				new UserApi.Hours("MONDAY", "14:00", "19:00"), new UserApi.Hours("SATURDAY", "09:00", "13:00")));
		assertThat(week.get(DayOfWeek.MONDAY)).isEqualTo("08:00-12:00, 14:00-19:00");
		assertThat(week.get(DayOfWeek.SATURDAY)).isEqualTo("09:00-13:00");
		assertThat(week.get(DayOfWeek.SUNDAY)).isEmpty();
		assertThat(week).hasSize(7);
	}

}
