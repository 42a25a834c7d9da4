#!/bin/sh
# One case from an empty database to its approval filing, with the command line only:
# departments and people, a disclosure, an assessment, a patent application, a licence deal
# to a new company through due diligence, approval, publicity and signing, then F04 and check.
# Usage: examples/walk.sh DB_FILE OUT_DIR   (TTDESK_CLI overrides the command, e.g. in tests)
set -eu
DB=$1
OUT=$2
CLI=${TTDESK_CLI:-ttdesk-cli}
t() { $CLI --db "$DB" "$@"; }

t init
t institution --name 北京示范大学 --tto-name 技术转移中心
t department add D01 材料科学与工程学院 --kind college
t person add 张伟 --staff-no T1001 --department D01 --title 教授
t person add 王芳 --staff-no T1002 --department D01 --title 副教授
t company add 91110108MA01ABCD1E 北京锂源科技有限公司 --legal-representative 周杰

CASE=$(t case new --title 固态电池电解质材料 --kind invention_patent --department D01 \
  --contributors T1001:60,T1002:40 --no-funding --date 2026-01-05)
t assessment add "$CASE" --date 2026-01-20 --assessor 刘评估 --recommendation pursue \
  --technical 85 --market 80
t case step "$CASE" assess
t ip add "$CASE" --kind invention_patent --application-no CN202610000001.X \
  --filing-date 2026-02-01
t case step "$CASE" protect
t case step "$CASE" market

DEAL=$(t deal new "$CASE" --mode license_exclusive --counterparty 91110108MA01ABCD1E \
  --price 500000 --pricing negotiated)
t deal step "$DEAL" diligence
for item in counterparty_credit related_party ip_status funding_terms secrecy_review \
    valuation_basis; do
  t deal diligence "$DEAL" "$item" --date 2026-02-20
done
t deal valuation "$DEAL" --no-appraisal "协议定价，双方协商"
t deal step "$DEAL" submit
t deal step "$DEAL" approve --body 技术转移中心 --date 2026-03-01
t deal step "$DEAL" publicity --start 2026-03-02
t deal step "$DEAL" sign --date 2026-03-20
t note "$DEAL" "企业已寄回签字合同"
printf '%%PDF-1.4\n%% signed contract scan\n' > "$OUT/contract.pdf"
t attach "$DEAL" "$OUT/contract.pdf" --note 签字合同扫描件
t attachments "$DEAL"
t filing F04 "$DEAL" -o "$OUT/F04.pdf"
t check
