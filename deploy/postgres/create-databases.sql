-- One PostgreSQL server for compose, one database per service (each service owns its schema).
CREATE DATABASE identity;
CREATE DATABASE venue;
CREATE DATABASE booking;
CREATE DATABASE billing;
CREATE DATABASE payment;
CREATE DATABASE notification;
CREATE DATABASE keycloak;
