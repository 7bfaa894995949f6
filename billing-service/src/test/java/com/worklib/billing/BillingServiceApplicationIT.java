package com.worklib.billing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import com.worklib.platform.test.AbstractServiceIT;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

@SpringBootTest
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
class BillingServiceApplicationIT extends AbstractServiceIT {

}
