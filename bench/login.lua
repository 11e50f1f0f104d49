-- POST /auth/customer/emailpass with a registered account (bench/login.sh registers it).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"bench-login@example.com","password":"correct horse battery"}'
