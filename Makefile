# partynews — build, test, demo, eval, bench, lint.
GO      ?= go
BIN     := bin/partynews
SHARED  ?= ../shared
DEMO    := .demo

.PHONY: build test demo eval bench pgo lint fuzz clean man

# partynews --version prints this: the git description when there is one.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -X main.version=$(VERSION)

FUZZTIME ?= 30s

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/partynews

# Man pages generated from the commands' help: man/partynews.1, man/partynews-search.1 …
man: build
	$(BIN) man man

# The test command of the README and CI.
test:
	$(GO) vet ./...
	$(GO) test ./...

# Index the embedded sample (4 Hindi, 1 Urdu article) and search it.
demo: build
	rm -rf $(DEMO)
	$(BIN) sample $(DEMO)/sample >/dev/null
	$(BIN) index --index $(DEMO)/index $(DEMO)/sample
	@echo; echo '$$ partynews search सम्मेलनों     # Hindi, inflected: finds सम्मेलन'
	$(BIN) search --index $(DEMO)/index --limit 3 सम्मेलनों
	@echo; echo '$$ partynews search كانفرنس      # Urdu, typed with Arabic letters'
	$(BIN) search --index $(DEMO)/index كانفرنس
	@echo; $(BIN) stats --index $(DEMO)/index

# Score entity extraction and language detection against the three gold files:
# the scorer's overall table, then the same scores per language (internal/evaltable
# scores as the scorer does). Predictions go to .demo-*.jsonl (ignored by git).
EVAL_SETS := seeds:dev-gold.jsonl dev-flat:dev-gold-multilingual.jsonl dev-more:dev-gold-more.jsonl

eval: build
	@set -e; for s in $(EVAL_SETS); do \
		dir=$${s%%:*}; gold=$(SHARED)/eval/$${s#*:}; \
		echo "== $$dir ($$gold)"; \
		$(BIN) extract --json $(SHARED)/corpus/$$dir/*.txt > $(DEMO)-$$dir.jsonl; \
		$(SHARED)/tools/score-entities --gold $$gold --pred $(DEMO)-$$dir.jsonl || true; \
		$(GO) run ./internal/evaltable --gold $$gold --pred $(DEMO)-$$dir.jsonl; \
		echo; \
	done

BENCH_N ?= 20000
# The work folder: the corpus (BENCH_WORK/corpus-N, generated once and reused while
# its "done" file is there) and the indexes.
BENCH_WORK ?= .bench
# For a very large run skip the stages measured alone (as long again as the import):
#   make bench BENCH_N=1000000 BENCH_FLAGS=-stages=false
# Issue 14's sharing bars at 300,000 articles (Xapian skipped: one thread, ≈400
# docs/s; -fresh probes what a search sees 5 minutes into the import):
#   make bench BENCH_N=300000 \
#     BENCH_FLAGS="-stages=false -xapian=false -concurrent 40 -fresh 5m"
BENCH_FLAGS ?=

# One table with the issue's bars: each stage alone, the full pipeline, CPU per
# article, anonymous memory, index size, no-op re-run, search latency, 40
# concurrent searches (with the resident server and without), the cost of
# partynews check, and the peers on the same files when installed (Lucene via
# $(SHARED)/tools/lucene/run.sh and a JDK, Xapian's omindex, ripgrep); then the Go
# benchmarks of each stage.
bench: build
	$(GO) run ./cmd/pnbench -n $(BENCH_N) -work $(BENCH_WORK) -shared $(SHARED)/corpus -lucene $(SHARED)/tools/lucene/run.sh -bin $(BIN) $(BENCH_FLAGS)
	PARTYNEWS_BENCH_INDEX=$(abspath $(BENCH_WORK))/index $(GO) test -run XXX -bench . -benchtime 2s ./...

# cmd/partynews/default.pgo is the CPU profile of indexing the bench corpus:
# go build uses it to optimise the hot paths (profile-guided optimisation; about
# 4 % less CPU for an import of 20,000 generated articles, 5 runs each, median).
# Refresh it after large changes to the index path:
pgo: build
	$(GO) run ./cmd/pnbench -n $(BENCH_N) -work $(BENCH_WORK) -shared $(SHARED)/corpus -corpus-only
	rm -rf $(BENCH_WORK)/pgo-index
	$(BIN) index -q --cpuprofile cmd/partynews/default.pgo --index $(BENCH_WORK)/pgo-index $(BENCH_WORK)/corpus-$(BENCH_N)
	rm -rf $(BENCH_WORK)/pgo-index

# Each fuzz target for FUZZTIME: the article parser, decoders, query parser, extractors.
fuzz:
	$(GO) test ./corpus -run XXX -fuzz FuzzParse -fuzztime $(FUZZTIME)
	$(GO) test ./corpus -run XXX -fuzz FuzzDecode -fuzztime $(FUZZTIME)
	$(GO) test ./corpus -run XXX -fuzz FuzzIsNFC -fuzztime $(FUZZTIME)
	$(GO) test ./search -run XXX -fuzz FuzzParseQuery -fuzztime $(FUZZTIME)
	$(GO) test ./pipeline/extract -run XXX -fuzz FuzzExtract -fuzztime $(FUZZTIME)
	$(GO) test ./pipeline/extract -run XXX -fuzz FuzzFiguresDates -fuzztime $(FUZZTIME)
	$(GO) test ./pipeline/extract -run XXX -fuzz FuzzTokenize -fuzztime $(FUZZTIME)
	$(GO) test ./pipeline/extract -run XXX -fuzz FuzzDecodeLetters -fuzztime $(FUZZTIME)

STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2

lint:
	test -z "$$(gofmt -l .)"
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

clean:
	rm -rf bin man $(DEMO) $(DEMO)-*.jsonl .bench
