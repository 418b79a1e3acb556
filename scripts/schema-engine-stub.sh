#!/bin/sh
echo "Prisma's native schema engine is not available here: use the project's migrate command (npm run cli -- db:migrate, or db:diff to create a migration)." >&2
exit 1
