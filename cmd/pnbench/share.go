package main

// The measures of issue 14 (a shared archive): many whole search processes at
// once, with and without the resident server; what `partynews check` costs;
// and how fresh a search is during a first import.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"time"
)

// teamQueries are what a team of analysts types at once: words, a person, a
// document number, a phrase, a date range, a language.
var teamQueries = []string{
	"सम्मेलन",
	`person:"To Lam"`,
	"document:18-NQ/TW",
	`"हो ची मिन्ह"`,
	"congress",
	"date:>=2024-01-01 कांग्रेस",
	"كانفرنس lang:ur",
	"person:Chinh",
}

// searchEnv is the environment of a search process: the caller's, with the
// resident server switched off when server is false.
func searchEnv(server bool) []string {
	var env []string
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "PARTYNEWS_SERVER=") {
			env = append(env, e)
		}
	}
	if !server {
		env = append(env, "PARTYNEWS_SERVER=off")
	}
	return env
}

// residentServer is a `partynews serve` started by pnbench for one index: the
// same server a search starts by itself when it finds none (serve --idle 10m),
// but started in the foreground so that pnbench knows when it listens and can
// read its CPU time.
type residentServer struct {
	bin, idx string
	cmd      *exec.Cmd
	exited   chan struct{}
}

// stopServer asks the user's server of idx to stop, if one runs (one a search
// started by itself, or ours); it does not wait for it to exit.
func stopServer(bin, idx string) {
	exec.Command(bin, "serve", "--index", idx, "--stop").Run()
}

// startServer stops any server of idx, starts one and waits until it listens
// (up to 30 s; a stopped server may take a moment to let go of its socket).
func startServer(bin, idx string) (*residentServer, error) {
	stopServer(bin, idx)
	deadline := time.Now().Add(30 * time.Second)
	for {
		s := &residentServer{bin: bin, idx: idx, exited: make(chan struct{})}
		s.cmd = exec.Command(bin, "serve", "--index", idx, "--idle", "10m")
		s.cmd.Env = searchEnv(true)
		errPipe, err := s.cmd.StderrPipe()
		if err != nil {
			return nil, err
		}
		if err := s.cmd.Start(); err != nil {
			return nil, fmt.Errorf("start the resident server: %w", err)
		}
		listening := make(chan bool, 1)
		var log bytes.Buffer
		go func() {
			sc := bufio.NewScanner(errPipe)
			said := false
			for sc.Scan() {
				if !said && strings.Contains(sc.Text(), "listening") {
					said = true
					listening <- true
				}
				log.WriteString(sc.Text() + "\n")
			}
			if !said {
				listening <- false
			}
		}()
		ok := <-listening
		if ok {
			go func() { s.cmd.Wait(); close(s.exited) }()
			return s, nil
		}
		s.cmd.Wait()
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("the resident server did not start: %s", strings.TrimSpace(log.String()))
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// cpu is the server's CPU time so far (utime+stime from /proc, in clock ticks
// of 10 ms).
func (s *residentServer) cpu() time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	// The fields after the command name in parentheses: state is field 3,
	// utime 14 and stime 15.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0
	}
	var ut, st int64
	fmt.Sscan(f[11], &ut)
	fmt.Sscan(f[12], &st)
	return time.Duration(ut+st) * 10 * time.Millisecond
}

// stop stops the server with `partynews serve --stop` and waits for it
// (killing it after 30 s).
func (s *residentServer) stop() {
	stopServer(s.bin, s.idx)
	select {
	case <-s.exited:
	case <-time.After(30 * time.Second):
		s.cmd.Process.Kill()
		<-s.exited
	}
}

// searchOutcome is one search process.
type searchOutcome struct {
	wall, cpu time.Duration
	code      int
	out       []byte
	err       error
}

// runSearch runs one `partynews search --limit 10 QUERY` process.
func runSearch(bin, idx, query string, server bool) searchOutcome {
	cmd := exec.Command(bin, "search", "--index", idx, "--limit", "10", "--", query)
	cmd.Env = searchEnv(server)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	t := time.Now()
	err := cmd.Run()
	o := searchOutcome{wall: time.Since(t), out: out.Bytes()}
	if cmd.ProcessState != nil {
		o.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		o.code = cmd.ProcessState.ExitCode()
	}
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && o.code == 1) { // 1: nothing found
		o.err = fmt.Errorf("%w: %s", err, strings.TrimSpace(errb.String()))
	}
	return o
}

// teamRound starts n search processes at once (query i is teamQueries[i %
// len]) and returns, for each, the time from the common start to its exit.
func teamRound(bin, idx string, n int, server bool) []searchOutcome {
	outs := make([]searchOutcome, n)
	var start, wg sync.WaitGroup
	start.Add(1)
	t0 := time.Now()
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			start.Wait()
			o := runSearch(bin, idx, teamQueries[i%len(teamQueries)], server)
			o.wall = time.Since(t0)
			outs[i] = o
		}()
	}
	t0 = time.Now()
	start.Done()
	wg.Wait()
	return outs
}

// teamResult sums up the rounds of n concurrent searches in one mode.
type teamResult struct {
	median, slowest time.Duration   // of the middle round (ranked by its slowest)
	slowests        []time.Duration // every round's slowest, in order
	cpuPer, srvPer  time.Duration   // CPU per search: the processes and the server; the server's part
	failed          int
	firstErr        error
	outs            map[string][]byte // query → the output of its first search
}

// concurrentSearches runs rounds of n concurrent whole search processes on
// idx: with server, through a resident server started and warmed (every query
// once) beforehand and stopped after; else with PARTYNEWS_SERVER=off.
func concurrentSearches(bin, idx string, n, rounds int, server bool) (teamResult, error) {
	var res teamResult
	var srv *residentServer
	if server {
		var err error
		if srv, err = startServer(bin, idx); err != nil {
			return res, err
		}
		defer srv.stop()
		for _, q := range teamQueries { // warm: open, dictionaries, facets
			runSearch(bin, idx, q, true)
		}
	} else {
		stopServer(bin, idx)            // none may answer
		for _, q := range teamQueries { // the same page cache as the server's
			runSearch(bin, idx, q, false)
		}
	}
	type round struct {
		walls []time.Duration
	}
	var all []round
	var cpu time.Duration
	var srvCPU0 time.Duration
	if srv != nil {
		srvCPU0 = srv.cpu()
	}
	res.outs = map[string][]byte{}
	for r := 0; r < rounds; r++ {
		outs := teamRound(bin, idx, n, server)
		var rd round
		for i, o := range outs {
			rd.walls = append(rd.walls, o.wall)
			cpu += o.cpu
			if o.err != nil {
				res.failed++
				if res.firstErr == nil {
					res.firstErr = fmt.Errorf("search %q: %w", teamQueries[i%len(teamQueries)], o.err)
				}
			}
			if q := teamQueries[i%len(teamQueries)]; res.outs[q] == nil && o.err == nil {
				res.outs[q] = o.out
			}
		}
		sort.Slice(rd.walls, func(i, j int) bool { return rd.walls[i] < rd.walls[j] })
		res.slowests = append(res.slowests, rd.walls[len(rd.walls)-1])
		all = append(all, rd)
		time.Sleep(500 * time.Millisecond) // let the last exits settle
	}
	if srv != nil {
		res.srvPer = (srv.cpu() - srvCPU0) / time.Duration(n*rounds)
	}
	res.cpuPer = cpu/time.Duration(n*rounds) + res.srvPer
	sort.Slice(all, func(i, j int) bool { return all[i].walls[n-1] < all[j].walls[n-1] })
	mid := all[len(all)/2]
	res.median, res.slowest = mid.walls[n/2], mid.walls[n-1]
	return res, nil
}

// teamRows measures n concurrent searches with the resident server and
// without, as rows with issue 14's bar (the slowest ≤ 2 s on 300,000 articles).
func teamRows(bin, idx string, n, rounds int, big bool) []row {
	name := fmt.Sprintf("%d concurrent searches", n)
	srv, err := concurrentSearches(bin, idx, n, rounds, true)
	if err != nil {
		return []row{{name: name, value: "failed", note: err.Error()}}
	}
	off, err := concurrentSearches(bin, idx, n, rounds, false)
	if err != nil {
		return []row{{name: name, value: "failed", note: err.Error()}}
	}
	same := "outputs identical in both modes"
	for q, b := range srv.outs {
		if o, ok := off.outs[q]; ok && !bytes.Equal(b, o) {
			same = fmt.Sprintf("outputs DIFFER for %q", q)
			break
		}
	}
	note := func(r teamResult, how string) string {
		var s []string
		for _, d := range r.slowests {
			s = append(s, fmt.Sprintf("%.2f", d.Seconds()))
		}
		cpu := fmt.Sprintf("%.0f ms CPU per search", ms(r.cpuPer))
		if r.srvPer > 0 {
			cpu += fmt.Sprintf(" (%.0f in the server)", ms(r.srvPer))
		}
		t := fmt.Sprintf("%s; %s; slowest of each of %d rounds %s s (the middle one shown)", how, cpu, len(r.slowests), strings.Join(s, ", "))
		if r.failed > 0 {
			t += fmt.Sprintf("; %d FAILED, first: %v", r.failed, r.firstErr)
		}
		return t
	}
	val := func(r teamResult) string {
		return fmt.Sprintf("median %.2f s, slowest %.2f s", r.median.Seconds(), r.slowest.Seconds())
	}
	bar := "≤ 2 s"
	if !big {
		bar = "(≤ 2 s at 300k)"
	}
	return []row{
		barRow(row{name: name + ", resident server", value: val(srv),
			note: note(srv, fmt.Sprintf("the default: a warm server, %d queries (word, person, document, phrase …)", len(teamQueries)))},
			true, bar, srv.slowest <= 2*time.Second && srv.failed == 0),
		{name: name + ", PARTYNEWS_SERVER=off", value: val(off), note: note(off, "each process opens the index; "+same)},
	}
}

// checkRow times `partynews check` on the index (CPU and wall time; the
// index was just written, so it is read from the page cache).
func checkRow(bin, idx string) row {
	name := "partynews check (whole index)"
	cmd := exec.Command(bin, "check", "--json", "--index", idx)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	t := time.Now()
	err := cmd.Run()
	wall := time.Since(t)
	var res struct {
		OK          bool  `json:"ok"`
		Generations int   `json:"generations"`
		Segments    int   `json:"segments"`
		Files       int   `json:"files"`
		Bytes       int64 `json:"bytes"`
		Problems    []struct {
			Path, Reason string
		} `json:"problems"`
	}
	if jerr := json.Unmarshal(out.Bytes(), &res); jerr != nil || cmd.ProcessState == nil {
		return row{name: name, value: "failed", note: fmt.Sprintf("%v %v %s", err, jerr, strings.TrimSpace(errb.String()))}
	}
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	verdict := "no damage"
	if !res.OK {
		verdict = fmt.Sprintf("%d PROBLEMS, first %s: %s", len(res.Problems), res.Problems[0].Path, res.Problems[0].Reason)
	}
	return row{name: name, value: fmt.Sprintf("%.2f CPU-s, %.2f s", cpu.Seconds(), wall.Seconds()),
		note: fmt.Sprintf("%s; %d generation(s), %d segments, %d files, %.0f MB read (page cache warm)", verdict, res.Generations, res.Segments, res.Files, float64(res.Bytes)/1e6)}
}

// freshProbe is a search (a `partynews stats` process) run once at a given
// moment of an index run, to see how many documents a search sees then.
type freshProbe struct {
	at, lag  time.Duration // when to run it, and how far back its bar looks
	ran      bool
	afterEnd bool          // run after the index run, which ended before the moment
	started  time.Duration // when it ran, from the start of the index run
	docs     int
	err      error
}

// run runs `partynews stats --json` on idx (as its own process, the resident
// server off: a fresh open of what is published).
func (p *freshProbe) run(bin, idx string, started time.Duration) {
	p.ran, p.started = true, started
	cmd := exec.Command(bin, "stats", "--json", "--index", idx)
	cmd.Env = searchEnv(false)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	out, err := cmd.Output()
	if err != nil {
		p.err = fmt.Errorf("%w: %s", err, strings.TrimSpace(errb.String()))
		return
	}
	var st struct {
		Documents int `json:"documents"`
	}
	if err := json.Unmarshal(out, &st); err != nil {
		p.err = fmt.Errorf("stats --json: %w", err)
	}
	p.docs = st.Documents
}

// indexedAt is the number of documents indexed at d into the run, read off
// its progress lines (linear between two; the summary ends the run).
func (s runStat) indexedAt(d time.Duration) float64 {
	marks := append(append([]progressMark{{}}, s.progress...), progressMark{at: s.wall, indexed: s.sum.Indexed})
	for i := 1; i < len(marks); i++ {
		a, b := marks[i-1], marks[i]
		if d <= b.at {
			if b.at == a.at {
				return float64(b.indexed)
			}
			f := float64(d-a.at) / float64(b.at-a.at)
			return float64(a.indexed) + f*float64(b.indexed-a.indexed)
		}
	}
	return float64(s.sum.Indexed)
}

// indexedBy is when the run had indexed n documents (the inverse of indexedAt).
func (s runStat) indexedBy(n float64) time.Duration {
	marks := append(append([]progressMark{{}}, s.progress...), progressMark{at: s.wall, indexed: s.sum.Indexed})
	for i := 1; i < len(marks); i++ {
		a, b := marks[i-1], marks[i]
		if float64(b.indexed) >= n && b.indexed > a.indexed {
			f := (n - float64(a.indexed)) / float64(b.indexed-a.indexed)
			return a.at + time.Duration(max(f, 0)*float64(b.at-a.at))
		}
	}
	return s.wall
}

// freshRow reports the probe of st against issue 14's bar: five minutes into
// a first import, a search sees at least what was indexed a minute earlier
// (here: p.at into it, what was indexed p.lag earlier).
func freshRow(st runStat, p *freshProbe, big bool) row {
	name := fmt.Sprintf("a search %s into the import sees", p.at)
	bar := fmt.Sprintf("≥ %s ago", p.lag)
	if !p.ran {
		return row{name: name, value: "not run", note: "the import failed"}
	}
	var want float64
	var note string
	if p.afterEnd || p.started >= st.wall {
		// At the moment the import was over: a search sees it all, what was
		// indexed p.lag before the moment included.
		want = st.indexedAt(p.at - p.lag)
		note = fmt.Sprintf("the import ended at %.1f s, before -fresh %s: stats run after it, so nothing is seen during the import (a shorter -fresh tests that); %.0f indexed by %s",
			st.wall.Seconds(), p.at, want, p.at-p.lag)
	} else {
		want = st.indexedAt(p.started - p.lag)
		note = fmt.Sprintf("stats --json at %.1f s (server off); %.0f indexed by %.1f s, %.0f by %.1f s (from the progress lines, every 10 s, interpolated)",
			p.started.Seconds(), want, (p.started - p.lag).Seconds(), st.indexedAt(p.started), p.started.Seconds())
	}
	if p.err != nil {
		note += "; stats failed: " + p.err.Error()
	} else if p.docs > 0 && !p.afterEnd {
		note += fmt.Sprintf("; what it sees was indexed by %.1f s, %.0f s before it looked", st.indexedBy(float64(p.docs)).Seconds(), (p.started - st.indexedBy(float64(p.docs))).Seconds())
	}
	if !big || p.at != 5*time.Minute || p.lag != time.Minute {
		note += "; issue 14's bar: at 5m into 300,000 articles, what was indexed 1m before"
	}
	return barRow(row{name: name, value: fmt.Sprintf("%d documents", p.docs), note: note}, true, bar, p.err == nil && float64(p.docs) >= want)
}
