#!/usr/bin/env bash
# Publishes the web app to a deployed stack (run it after `sam deploy`; `make deploy-web` runs it):
#   1. builds web/ (./mvnw: generated API client, tsc, esbuild, size budget);
#   2. writes config.json from the stack's outputs (API URL, Cognito domain, app client id, site URL), so the same
#      build runs against any stack;
#   3. uploads to the stack's private bucket: content-hashed assets cached for a year, index.html and config.json
#      revalidated on every load; then removes the assets of older builds;
#   4. invalidates index.html and config.json in CloudFront.
# Needs the AWS CLI with credentials for the stack's account and Region (AWS_REGION / AWS_PROFILE as usual).
#   STACK        stack name (default: stack_name in samconfig.toml)
#   WEB_DIST     an already built app folder to upload instead of building (default: build web/)
set -euo pipefail
cd "$(dirname "$0")/.."

STACK=${STACK:-$(sed -n 's/^stack_name *= *"\(.*\)"/\1/p' samconfig.toml | head -n 1)}
[ -n "$STACK" ] || { echo "deploy-web: no stack name: set STACK=<name> (or stack_name in samconfig.toml)" >&2; exit 1; }
command -v aws >/dev/null 2>&1 || { echo "deploy-web: the AWS CLI (aws) is needed" >&2; exit 1; }

output() {
  local value
  value=$(aws cloudformation describe-stacks --stack-name "$STACK" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text)
  if [ -z "$value" ] || [ "$value" = "None" ]; then
    echo "deploy-web: stack $STACK has no output $1: deploy the current template.yaml first (sam build && sam deploy)" >&2
    exit 1
  fi
  printf '%s' "$value"
}

API_URL=$(output ApiUrl)
SITE_URL=$(output WebsiteUrl)
BUCKET=$(output WebBucketName)
DISTRIBUTION=$(output WebDistributionId)
COGNITO=$(output CognitoDomainUrl)
CLIENT_ID=$(output UserPoolClientId)

if [ -z "${WEB_DIST:-}" ]; then
  echo "== Building the web app"
  # -Ddynalite.skipInstall: the local DynamoDB engine is not needed to build the site.
  ./mvnw -B -ntp -q -pl web -am package -DskipTests -Ddynalite.skipInstall
  WEB_DIST=web/target/classes/todo-web
fi
[ -f "$WEB_DIST/index.html" ] || { echo "deploy-web: $WEB_DIST/index.html is missing" >&2; exit 1; }

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R "$WEB_DIST/." "$STAGE/"
printf '{"auth":"cognito","apiUrl":"%s","cognitoDomain":"%s","clientId":"%s","redirectUri":"%s"}\n' \
  "$API_URL" "$COGNITO" "$CLIENT_ID" "$SITE_URL" > "$STAGE/config.json"

echo "== Uploading to s3://$BUCKET (stack $STACK)"
# New assets first, so that the new index.html never names a file that is not there yet.
aws s3 sync "$STAGE/assets" "s3://$BUCKET/assets" --only-show-errors \
  --cache-control "public, max-age=31536000, immutable"
aws s3 cp "$STAGE/config.json" "s3://$BUCKET/config.json" --only-show-errors \
  --cache-control "no-cache" --content-type "application/json"
aws s3 cp "$STAGE/index.html" "s3://$BUCKET/index.html" --only-show-errors \
  --cache-control "no-cache" --content-type "text/html; charset=utf-8"
# Then the assets only older builds used.
aws s3 sync "$STAGE/assets" "s3://$BUCKET/assets" --only-show-errors --delete \
  --cache-control "public, max-age=31536000, immutable"

echo "== Invalidating index.html and config.json in CloudFront ($DISTRIBUTION)"
aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION" --paths "/" "/index.html" "/config.json" \
  --query Invalidation.Id --output text

echo "The web app: $SITE_URL"
