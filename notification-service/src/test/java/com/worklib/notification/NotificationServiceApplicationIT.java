package com.worklib.notification;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import com.worklib.platform.test.AbstractServiceIT;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;
import com.worklib.platform.test.WithSmtp;

@SpringBootTest
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
@WithSmtp
class NotificationServiceApplicationIT extends AbstractServiceIT {

}
