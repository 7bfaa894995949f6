package com.worklib.payment.payout;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

	@Bean
	PayoutCalendar payoutCalendar() {
		return new PayoutCalendar();
	}

}
