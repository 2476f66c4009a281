// Package bundle knows a case: it reads case.yaml, reads every evidence
// file once through package evidence, cross-checks the facts, and seals the
// result into a BagIt bundle with a PDF dossier (drawn by package
// templates). It also verifies bundles, its own and other tools' bags.
//
// # The bundle (BagIt 1.0, RFC 8493)
//
//	OUT/
//	  bagit.txt               "BagIt-Version: 1.0" and "Tag-File-Character-Encoding: UTF-8"
//	  bag-info.txt            Bagging-Date (YYYY-MM-DD of the run's clock), Payload-Oxum
//	                          ("<bytes>.<files>" of data/), Bag-Software-Agent ("casebundle
//	                          <version>"), External-Identifier (the case ID), External-Description
//	                          (the case title, when there is one)
//	  manifest-sha256.txt     "<sha256>  data/<path>\n" for every payload file, sorted by path;
//	                          CR, LF and % in a path are percent-encoded (%0D, %0A, %25)
//	  tagmanifest-sha256.txt  the same for bag-info.txt, bagit.txt, every dossier volume,
//	                          manifest-sha256.txt, manifest.json and timestamp.tsr (when present)
//	  manifest.json           see below
//	  dossier.pdf             the dossier (volume 1: front matter, index with volume and page,
//	                          checklist, the first exhibits, appendix)
//	  dossier-2.pdf, …        the following exhibits, when the dossier is larger than
//	                          Options.VolumeSize (default 50 MB = 50,000,000 bytes)
//	  timestamp.tsr           RFC 3161 TimeStampResp (DER) over the SHA-256 of
//	                          manifest-sha256.txt, with --tsa
//	  data/                   case.yaml and every evidence file, byte for byte, same relative paths
//
// A bundle is written into a temporary folder ".OUT.tmp-*" beside OUT and
// renamed into place (RENAME_NOREPLACE on Linux) when complete: OUT holds a
// whole bundle or nothing, and an existing OUT is never replaced. The case
// folder is only read.
//
// # manifest.json
//
// One JSON document, UTF-8, two-space indented, keys in this order (the
// struct order of Manifest). Times are RFC 3339 in UTC ("2025-11-03T06:05:00Z")
// except a capture time whose zone the device did not record, written as the
// device's wall clock without a zone ("2025-11-03T14:20:01") with meta
// capture_zone "unknown". Amounts are strings with two decimals ("5000.00"),
// exact, never floats.
//
//	format            "casebundle/1"; a reader must check it
//	case              id ("CB-<yyyymmdd>-<first 8 hex of manifest_sha256>"), title, purpose
//	                  (complaint|police|civil), lang (zh|en), platform, complaint_type,
//	                  claimant and respondent {name, id_number, phone, wechat_id, account}
//	generated         the run's one clock (--time, SOURCE_DATE_EPOCH or now)
//	software          "casebundle <version>"
//	manifest_sha256   hex SHA-256 of manifest-sha256.txt: what the timestamp covers
//	timestamp         null, or {tsa, gen_time, serial, policy, hash_algorithm}
//	dossier           {volumes: ["dossier.pdf", …], pages: [pages per volume], redacted}
//	items[]           exhibit (1..n as printed in the dossier), volume, pages [first, last]
//	                  in that volume, path ("data/…"; "" for a file that could not be read),
//	                  sha256, size, mime, kind (image|chat|bill|document|other), title, proves,
//	                  source, times {modified, captured, ingested}, meta, findings[]
//	  meta            images: format, width, height, bit_depth, interlaced, alpha,
//	                  orientation, camera, gps {lat, lon}, capture_zone; text: encoding, lines;
//	                  chats: messages, participants, first, last; bills: rows, provider,
//	                  period ("YYYY-MM-DD/YYYY-MM-DD"); empty fields are left out
//	transactions[]    every transaction ID seen in case.yaml and the bills: id, platform,
//	                  form (valid|invalid|unknown), time, amount, currency ("CNY"),
//	                  direction (out|in|""), counterparty, disputed, sources[] ("case.yaml",
//	                  "data/…"), exhibits[] (where the ID was seen), findings[]
//	checklist[]       material (zh), material_en, required, present, exhibits[]
//	totals            loss (sum of disputed outgoing amounts of case.yaml), currency
//	findings[]        case-level findings; each finding anywhere is
//	                  {code, severity (info|warning|error), file, message_zh, message_en}
//	papers[]          only with build --papers (absent otherwise): every file of
//	                  the papers to file, {name (the paper's title), file
//	                  ("papers/…"), sha256}, in the order they are written
//
// Exhibit numbers follow the order of the keys under items: in case.yaml,
// then the other files by path. Findings never stop a build; an error
// finding makes build exit 1.
package bundle
