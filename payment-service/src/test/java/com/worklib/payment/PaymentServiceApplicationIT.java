package com.worklib.payment;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import com.worklib.platform.test.AbstractServiceIT;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;
import com.worklib.platform.test.WithStripeEmulator;

@SpringBootTest
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
@WithStripeEmulator
class PaymentServiceApplicationIT extends AbstractServiceIT {

}
