#!/usr/bin/env bash
# Publishes the web app: builds web/target/site (assets under their content hash), writes its
# config.json from the main stack's WebConfig output, uploads the assets first and the pages
# last (so no page ever points at an asset that is not there yet), and tells CloudFront to
# forget the pages. Needs the AWS CLI, signed in to the account of both stacks. See docs/deploy.md.
#
#   infra/publish-web.sh <main stack name> <web stack name>
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 2 ]; then
  echo "usage: infra/publish-web.sh <main stack name> <web stack name>" >&2
  exit 2
fi
API_STACK=$1
WEB_STACK=$2

output() { # stack, output key
  aws cloudformation describe-stacks --stack-name "$1" \
    --query "Stacks[0].Outputs[?OutputKey=='$2'].OutputValue" --output text
}

BUCKET=$(output "$WEB_STACK" SiteBucketName)
DISTRIBUTION=$(output "$WEB_STACK" DistributionId)
CONFIG=$(output "$API_STACK" WebConfig)
if [ -z "$BUCKET" ] || [ "$BUCKET" = None ] || [ -z "$CONFIG" ] || [ "$CONFIG" = None ]; then
  echo "publish-web: no SiteBucketName output on $WEB_STACK or no WebConfig output on $API_STACK" >&2
  exit 1
fi

. .ci/find-jdk
./mvnw -q -pl web -am package -Dmaven.test.skip
SITE=web/target/site
printf '%s\n' "$CONFIG" > "$SITE/config.json"

# Cache-Control comes from the distribution's response headers policies, not from S3.
aws s3 sync "$SITE/assets" "s3://$BUCKET/assets" --no-progress
aws s3 cp "$SITE/config.json" "s3://$BUCKET/config.json" --content-type application/json --no-progress
aws s3 cp "$SITE/index.html" "s3://$BUCKET/index.html" --content-type "text/html; charset=utf-8" --no-progress
aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION" --paths /index.html /config.json / >/dev/null
echo "Published: $(output "$WEB_STACK" AppOrigin)/"
