package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/partynews/partynews/search"
	"github.com/partynews/partynews/search/qbound"
)

// queryHelp is the query language in short, in the --help of every command
// that takes a QUERY; `partynews help query` has it in full.
const queryHelp = `Query language (in full: partynews help query):
  word word       articles with all the words, in any language (inflections
                  match: सम्मेलनों finds सम्मेलन; any script's digits: २०२५ = 2025)
  "a phrase"      the words in this order
  a OR b          either term;  -word  not this term;  +word  the same as word
  lang:hi         articles in one language (ISO 639-1)
  person:"To Lam" a person, whole name or part (person:Chinh, person:"Pham Minh")
  document:18-NQ/TW  a document number, whole or part (document:NQ/TW);
                  a plain 35-CT/TW also finds the code spelled in letter names
  date:2024-12-28 a date; also date:--12-28 (any year), date:2024-12,
                  date:>=2024-01-01, date:2024-01..2024-06
  figure:600      a figure; also figure:>=1000, figure:10..20, and with a
                  unit: figure:>=1000000VND, figure:>50%
  source:tuoitre  articles whose source URL contains this
Every term is required; field clauses filter, words rank.`

const queryHelpLong = `A query is a list of terms. An article matches when it has every term: several
words mean all of them (as in recoll or a web search engine), and field clauses
(lang:, person:, document:, date:, figure:, source:) narrow the answer.

Terms
  word            the word in the article's lead or body, in any language. Each
                  language's analyzer reads it: inflected forms match
                  (सम्मेलनों finds सम्मेलन), Arabic and Urdu letter variants match
                  (ك/ک, ي/ی), digits of every script match ASCII ones (२०२४ = 2024).
                  A word the article's language treats as a stop word ("the" in
                  English) is not asked of that language's articles.
  "a phrase"      the words next to each other, in this order.
  a OR b          either term (OR in capitals, between two terms; a OR b OR c).
                  Adjacent terms without OR are all required.
  -term           articles without the term.
  +term           accepted; the same as term (every term is required).
  field:value     a field clause; field:"two words" for a value with spaces.

Fields
  lang:hi         articles in this language (ISO 639-1 code).
  person:"To Lam" a person, in any script's spelling (the romanised name and its
                  consonant skeleton match across scripts). Part of a name (one
                  or two syllables) finds the whole: person:Chinh and
                  person:"Pham Minh" find Pham Minh Chinh (syllables next to
                  each other in the romanised name).
  document:18-NQ/TW  a document code, in Latin letters or in letter names
                  (18-एनक्यू/टीडब्ल्यू); part of a code finds the whole, cut at its
                  dashes and slashes: document:18-NQ, document:NQ/TW (a whole
                  code matches itself only).
                  A plain word that is a code (35-CT/TW) is read as
                  35-CT/TW OR document:35-CT/TW, so it finds the letter-name forms.
  date:2024-12-28 a mentioned date; date:--12-28 (any year), date:2024-12,
                  date:2024, date:>=2024-01-01, date:<2025, date:2024-01..2024-06.
  figure:600      a mentioned figure; figure:>=1000, figure:<5, figure:10..20,
                  with a unit: figure:>=1000000VND, figure:>50% (VND, USD, %, km, ha).
  source:nhandan  articles whose source URL contains this.

Quoting in a shell
  The shell removes quotes: type person:'"To Lam"' or 'person:"To Lam"'. An
  unquoted person:To Lam reaches partynews as person:To followed by the word Lam;
  when "To Lam" is a name in the index it is read so, with a note on stderr;
  otherwise a note says how to quote it. A query that starts with - goes after
  -- (partynews search -- -word other).

Notes
  A field clause that matches no article is reported on stderr
  (note: person:"Xyz" matches no article); the search still runs.

Ranking
  Words rank the articles (tf-idf over the lead and body); field clauses are
  filters and do not change the order — except that a query of person: or
  document: clauses alone ranks by how the name or code matches: the exact
  spelling first, then the romanised name, then its consonant skeleton, then a
  part of the name or code. --sort date orders by the newest mentioned date.

Bounds
  Repeated words count once. A query of more than 256 distinct words or phrases
  is refused (a phrase in quotes counts as one). A search stops after --timeout
  (default 800ms; 0 for no limit) and says so instead of answering late. Both
  exit with status 2 and one line saying why.

Examples
  partynews search 'document:18-NQ/TW lang:hi'     Hindi articles citing 18-NQ/TW
  partynews search 'person:"To Lam" Hanoi'         To Lam and the word Hanoi
  partynews search 'hội nghị OR conference -Hanoi'
  partynews search 'source:nhandan date:2025'
  partynews timeline 'person:"Pham Minh Chinh"'`

// newHelpQueryCmd is the help topic `partynews help query`.
func newHelpQueryCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "query",
		Short: "The query language: terms, OR, -, fields, partial names and codes, bounds",
		Long:  queryHelpLong,
	}
}

// timeoutFlagHelp is the --timeout flag's help.
var timeoutFlagHelp = fmt.Sprintf("stop a search after this long and say so, exit 2 (0: no limit; default %v): CPU time in its own process, from its turn in a resident server", qbound.DefaultTimeout)

// bounded runs do on q within the query bounds (qbound): repeated words once,
// the clause cap, the time limit timeout (0: none). A refused or stopped query
// is a usage error (exit 2) with one line.
func bounded(c *cobra.Command, q *search.Query, timeout time.Duration, do func(context.Context, *search.Query) error) error {
	lim := qbound.Limits{Timeout: timeout}
	if timeout == 0 {
		lim.Timeout = -1
	}
	if served(c) == nil {
		// its own process: the limit counts the CPU it spends, so forty
		// searches at once on two cores are not stopped for each other's
		// turns (the resident server gives each its turn instead)
		lim.Clock = qbound.ProcessCPU
	}
	q, err := qbound.Bound(q, lim)
	if err != nil {
		return &exitError{exitUsage, err}
	}
	ctx, cancel, stopped := qbound.WithLimit(c.Context(), lim)
	defer cancel()
	if err := stopped(do(ctx, q)); err != nil {
		return &exitError{exitUsage, err}
	}
	return nil
}

// boundedSearch is r.Search within the query bounds (see bounded); with notes,
// the search's notes go to stderr (once per command: a later page would repeat
// them).
func boundedSearch(c *cobra.Command, r *search.Searcher, q *search.Query, opt search.SearchOptions, timeout time.Duration, notes bool) (*search.Results, error) {
	var res *search.Results
	err := bounded(c, q, timeout, func(ctx context.Context, q *search.Query) (err error) {
		res, err = r.Search(ctx, q, opt)
		return err
	})
	if err != nil {
		return nil, err
	}
	if notes {
		for _, n := range res.Notes {
			fmt.Fprintln(c.ErrOrStderr(), "partynews: note: "+n)
		}
	}
	return res, nil
}
