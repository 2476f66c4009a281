# casebundle — see README.md. `make demo` and `make test` are all a fresh clone needs.
GO      ?= go
BIN     := bin/casebundle
DEMO    := testdata/democase
DEMOOUT := out/demo.bundle
# A fixed generation time makes the demo bundle byte-identical on every run.
DEMOTIME := 2025-11-20T10:00:00+08:00
# nodynamic: gen2brain/heic would otherwise load a system libheif.so when it
# finds one, and HEIC photos would then depend on the host; with the tag the
# WebAssembly decoder embedded in the binary is always used (README, HEIC).
TAGS    := -tags nodynamic

.PHONY: build test demo bench fuzz lint golden clean

build:
	$(GO) build $(TAGS) -trimpath -o $(BIN) ./cmd/casebundle

test:
	$(GO) test $(TAGS) -race -count=1 ./...

demo: build
	rm -rf $(DEMOOUT)
	mkdir -p out
	./$(BIN) build $(DEMO) -o $(DEMOOUT) --time $(DEMOTIME) || [ $$? -eq 1 ]
	./$(BIN) verify $(DEMOOUT)
	@echo
	@echo "dossier: $(CURDIR)/$(DEMOOUT)/dossier.pdf"

# Go benchmarks (hashing, PNG checks, text layout, PNG embedding, whole
# builds), then internal/benchtool: build of generated phone screenshots
# against img2pdf (when installed), a batch with -j 1 and -j 2, and verify of
# a 1 GiB file against openssl dgst, and OCR of the test screenshots cold and
# warm against plain tesseract (and img2pdf | ocrmypdf when installed).
# Inputs are cached under out/bench.
BENCHSHOTS ?= 200,1000
BENCHSHOTS1M ?= 200
bench: build
	$(GO) test $(TAGS) -run '^$$' -bench . -benchmem ./...
	$(GO) run $(TAGS) ./internal/benchtool -bin $(BIN) -dir out/bench -shots $(BENCHSHOTS) -shots-1m $(BENCHSHOTS1M) -batch -hash -ocr

# Each fuzz target for a short time; crashers land in testdata/fuzz/ and
# become regression tests.
FUZZTIME ?= 20s
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test $(TAGS) -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "fuzz $$pkg $$t"; \
	    $(GO) test $(TAGS) -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s $$pkg; \
	  done; \
	done

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet $(TAGS) ./...

# Rewrite every golden file. Only the packages whose tests read the -update
# flag are run (go test rejects a flag a package does not define), with a
# pattern that matches each golden test; a new golden test is named
# TestXxxGolden, or added to GOLDEN_RUN.
GOLDEN_RUN := Golden|^TestChatExhibitLayout$$
golden:
	@pkgs=$$(grep -l '\*update' $$(git ls-files '*_test.go') | xargs -n1 dirname | sort -u | sed 's|^|./|'); \
	  echo "$(GO) test $(TAGS) -count=1 $$pkgs -run '$(GOLDEN_RUN)' -update"; \
	  $(GO) test $(TAGS) -count=1 $$pkgs -run '$(GOLDEN_RUN)' -update

clean:
	rm -rf bin out
