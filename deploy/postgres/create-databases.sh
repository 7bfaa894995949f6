#!/bin/bash
# One database per service, owned by a role of its own that can reach nothing else: a service
# (or a leaked credential) reads and writes its own data only. Run once by the postgres image
# on an empty data directory; the passwords come from the container's environment.
set -euo pipefail
for db in identity venue booking billing payment notification keycloak web; do
  var="${db^^}_DB_PASSWORD"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v role="$db" -v pw="${!var}" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'pw';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
done
