// Command pnbench is partynews's benchmark: it generates a corpus from real
// articles (the embedded sample, and ../shared/corpus when present), measures each
// stage alone and the whole pipeline, and prints one table. `make bench` runs it.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/partynews/partynews/corpus"
	"github.com/partynews/partynews/corpus/sample"
	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/ingest"
	"github.com/partynews/partynews/internal/gcpolicy"
	"github.com/partynews/partynews/internal/gencorpus"
	"github.com/partynews/partynews/pipeline"
	"github.com/partynews/partynews/pipeline/detect"
	"github.com/partynews/partynews/pipeline/extract"
	"github.com/partynews/partynews/search"
)

func main() {
	n := flag.Int("n", 20000, "articles to generate")
	shared := flag.String("shared", "../shared/corpus", "real articles to generate from (skipped when absent)")
	work := flag.String("work", ".bench", "work folder (corpus and indexes)")
	bin := flag.String("bin", "bin/partynews", "the partynews binary")
	flag.BoolVar(&opt.stages, "stages", true, "measure each stage alone (as long again as the full run)")
	flag.BoolVar(&opt.others, "others", true, "run the peers on the same files when installed: Lucene (its run.sh and a JDK), Xapian's omindex, ripgrep")
	flag.IntVar(&opt.shards, "shards", 0, "also index into this many shards and search them (0: skip)")
	flag.StringVar(&opt.lucene, "lucene", "", "the Lucene peer's run.sh (default: ../tools/lucene/run.sh beside -shared)")
	flag.BoolVar(&opt.xapian, "xapian", true, "with -others, also run Xapian's omindex (one thread, ≈400 docs/s: hours at 300,000 articles)")
	flag.IntVar(&opt.concurrent, "concurrent", 40, "start this many search processes at once, with the resident server and without (0: skip)")
	flag.IntVar(&opt.rounds, "rounds", 3, "rounds of -concurrent searches in each mode (the middle one is reported)")
	flag.BoolVar(&opt.check, "check", true, "time partynews check on the index")
	flag.DurationVar(&opt.fresh, "fresh", 0, "this long into the import, count the documents a search sees (partynews stats) against those indexed -fresh-lag before (0: skip; issue 14: 5m)")
	flag.DurationVar(&opt.freshLag, "fresh-lag", 0, "how far back -fresh looks (default: 1m, or a fifth of -fresh when that is shorter)")
	flag.BoolVar(&opt.corpusOnly, "corpus-only", false, "generate the corpus (-work/corpus-N) and stop")
	flag.BoolVar(&opt.searchesOnly, "searches-only", false, "measure only the searches, -concurrent and check, on the index a previous run left in -work (no import, no peers)")
	flag.Parse()
	if opt.freshLag == 0 {
		opt.freshLag = min(time.Minute, opt.fresh/5)
	}
	if opt.lucene == "" {
		opt.lucene = filepath.Join(filepath.Dir(filepath.Clean(*shared)), "tools", "lucene", "run.sh")
	}
	if err := run(*n, *shared, *work, *bin); err != nil {
		fmt.Fprintln(os.Stderr, "pnbench:", err)
		os.Exit(1)
	}
}

type row struct{ name, value, bar, holds, note string }

var opt struct {
	stages, others, xapian, check, corpusOnly bool
	searchesOnly                              bool
	shards, concurrent, rounds                int
	lucene                                    string
	fresh, freshLag                           time.Duration
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func run(n int, shared, work, bin string) error {
	gcpolicy.Indexing() // bleve alone runs under the collector settings of partynews index
	det, err := detect.New()
	if err != nil {
		return err
	}
	src := gencorpus.NewSource()
	for _, name := range sample.Names() {
		b, _ := fs.ReadFile(sample.FS(), name)
		a, _ := corpus.ParseBytes(name, b)
		src.Add(det.Detect(a.Content()).Lang, string(b))
	}
	if _, err := os.Stat(filepath.Join(shared, "dev")); err == nil {
		if err := src.AddFS(os.DirFS(filepath.Join(shared, "dev")), ""); err != nil {
			return err
		}
	}
	dir := filepath.Join(work, fmt.Sprintf("corpus-%d", n))
	var textBytes int64
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real // a corpus linked from elsewhere: the peers' walks do not follow a link
	}
	if _, err := os.Stat(filepath.Join(dir, "done")); err != nil {
		os.RemoveAll(dir)
		t0, c0 := time.Now(), cpuTime()
		if textBytes, err = src.Write(dir, n, 1); err != nil {
			return err
		}
		os.WriteFile(filepath.Join(dir, "done"), []byte(fmt.Sprint(textBytes)), 0o644)
		fmt.Fprintf(os.Stderr, "corpus: generated in %.0f s (%.0f CPU-s)\n", time.Since(t0).Seconds(), (cpuTime() - c0).Seconds())
	} else {
		b, _ := os.ReadFile(filepath.Join(dir, "done"))
		fmt.Sscan(string(b), &textBytes)
	}
	mb := float64(textBytes) / 1e6
	fmt.Fprintf(os.Stderr, "corpus: %d articles, %.1f MB, %d languages, in %s\n", n, mb, len(src.Languages()), dir)
	if opt.corpusOnly {
		return nil
	}
	var rows []row

	// Each stage alone, in this process, in chunks so memory stays bounded.
	var files []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	rawRate := 0.0
	if opt.stages && !opt.searchesOnly {
		stageIdx := filepath.Join(work, "stage-index")
		os.RemoveAll(stageIdx)
		w, err := index.OpenWriter(stageIdx, index.WriterOptions{CheckpointEvery: -1})
		if err != nil {
			return err
		}
		proc := &pipeline.Processor{Detector: det, Extractors: extract.Default()}
		var tRead, tDetect, tExtract, tWrite time.Duration
		var cRead, cDetect, cExtract, cWrite time.Duration
		for lo := 0; lo < len(files); lo += 2000 {
			chunk := files[lo:min(lo+2000, len(files))]
			var arts []*corpus.Article
			t0, c0 := time.Now(), cpuTime()
			for _, f := range chunk {
				a, err := corpus.Read(f, 0)
				if err == nil {
					arts = append(arts, a)
				}
			}
			tRead, cRead = tRead+time.Since(t0), cRead+cpuTime()-c0
			langs := make([]detect.Result, len(arts))
			t0, c0 = time.Now(), cpuTime()
			for i, a := range arts {
				langs[i] = det.Detect(a.Content())
			}
			tDetect, cDetect = tDetect+time.Since(t0), cDetect+cpuTime()-c0
			docs := make([]index.Document, len(arts))
			t0, c0 = time.Now(), cpuTime()
			for i, a := range arts {
				docs[i] = ingest.Document(proc.ProcessAs(a, langs[i]))
			}
			tExtract, cExtract = tExtract+time.Since(t0), cExtract+cpuTime()-c0
			t0, c0 = time.Now(), cpuTime()
			for i, d := range docs {
				if _, err := w.Put(arts[i].Path, d, 1, time.Unix(0, 0)); err != nil {
					return err
				}
			}
			if err := w.Flush(); err != nil {
				return err
			}
			tWrite, cWrite = tWrite+time.Since(t0), cWrite+cpuTime()-c0
		}
		t0, c0 := time.Now(), cpuTime()
		if err := w.Close(); err != nil {
			return err
		}
		tWrite, cWrite = tWrite+time.Since(t0), cWrite+cpuTime()-c0
		allCPU := cRead + cDetect + cExtract + cWrite
		stage := func(name string, d, c time.Duration) {
			rows = append(rows, row{name: name, value: fmt.Sprintf("%.1f MB/s", mb/d.Seconds()), note: fmt.Sprintf("%.0f%% of CPU", 100*c.Seconds()/allCPU.Seconds())})
		}
		stage("read+parse alone", tRead, cRead)
		stage("detect alone", tDetect, cDetect)
		stage("extract alone", tExtract, cExtract)
		stage("bleve write alone (same mapping)", tWrite, cWrite)
		rawRate = float64(len(files)) / tWrite.Seconds()
		rows = append(rows, row{name: "bleve write alone", value: fmt.Sprintf("%.0f docs/s", rawRate), note: "the limit the pipeline chases"})
	}

	// The whole pipeline, as a user runs it.
	big := n >= 300000                                      // the bars for 300,000 articles and up; below, those for 20,000
	full, err := filepath.Abs(filepath.Join(work, "index")) // absolute: a resident server answers it
	if err != nil {
		return err
	}
	stopServer(bin, full)
	defer stopServer(bin, full) // one a search may have started by itself
	if opt.searchesOnly {
		if _, err := os.Stat(filepath.Join(full, "CURRENT")); err != nil {
			return fmt.Errorf("-searches-only: no index left by a previous run in %s", full)
		}
		rows, _, err := searchRows(bin, full, big)
		if err != nil {
			return err
		}
		printTable(n, mb, len(src.Languages()), big, rows)
		return nil
	}
	os.RemoveAll(full)
	var probe *freshProbe
	if opt.fresh > 0 {
		probe = &freshProbe{at: opt.fresh, lag: opt.freshLag}
	}
	st, err := indexRun(bin, full, dir, probe)
	if err != nil {
		return err
	}
	docs := float64(st.sum.Indexed + st.sum.Duplicate)
	rate := docs / st.wall.Seconds()
	cpuPerDoc := st.cpu.Seconds() / docs
	rows = append(rows,
		row{name: "full pipeline", value: fmt.Sprintf("%.0f docs/s, %.1f MB/s", rate, mb/st.wall.Seconds()), note: ratio(rate, rawRate)},
		row{name: "CPU per article (full pipeline)", value: fmt.Sprintf("%.2f ms", 1000*cpuPerDoc), note: fmt.Sprintf("%.1f CPU-s for %.0f files", st.cpu.Seconds(), docs)})
	if first, last := st.thirds(); first > 0 && last > 0 {
		rows = append(rows, barRow(row{name: "rate, last third ÷ first third", value: fmt.Sprintf("%.2f", last/first),
			note: fmt.Sprintf("%.0f → %.0f docs/s (from progress lines; the last third includes the final merge)", first, last)},
			big, "≥ 0.8", last/first >= 0.8))
	}
	if probe != nil {
		rows = append(rows, freshRow(st, probe, big))
	}
	anonBar, anonCap := "≤ 512 MiB", int64(512)
	if big {
		anonBar, anonCap = "≤ 600 MiB", 600
	}
	rows = append(rows, barRow(row{name: "peak anonymous memory (full pipeline)", value: fmt.Sprintf("%d MiB", st.anon>>20),
		note: fmt.Sprintf("RssAnon sampled every 200 ms; kernel's peak RSS %d MiB with the mapped index files", st.rss>>20)},
		true, anonBar, st.anon>>20 <= anonCap))
	size := dirSize(full)
	rows = append(rows, barRow(row{name: "index size ÷ text size", value: fmt.Sprintf("%.2f", float64(size)/float64(textBytes)),
		note: fmt.Sprintf("%.0f MB for %.0f MB", float64(size)/1e6, mb)}, true, "≤ 2", float64(size) <= 2*float64(textBytes)))
	noop, err := indexRun(bin, full, dir, nil)
	if err != nil {
		return err
	}
	noopPct, noopCap := 100*noop.wall.Seconds()/st.wall.Seconds(), 5.0
	if big {
		noopCap = 3
	}
	rows = append(rows, barRow(row{name: "no-op re-run", value: fmt.Sprintf("%.1f%% of the import", noopPct),
		note: fmt.Sprintf("%.2f s, %.2f CPU-s", noop.wall.Seconds(), noop.cpu.Seconds())}, true, fmt.Sprintf("≤ %.0f %%", noopCap), noopPct <= noopCap))

	srows, pnSearch, err := searchRows(bin, full, big)
	if err != nil {
		return err
	}
	rows = append(rows, srows...)
	if opt.shards > 1 {
		sharded, err := filepath.Abs(filepath.Join(work, "index-sharded"))
		if err != nil {
			return err
		}
		stopServer(bin, sharded)
		os.RemoveAll(sharded)
		sst, err := indexRun(bin, sharded, dir, nil, "--shards", fmt.Sprint(opt.shards))
		if err != nil {
			return err
		}
		srate := float64(sst.sum.Indexed+sst.sum.Duplicate) / sst.wall.Seconds()
		shSearch := processSearch(bin, sharded, true)
		stopServer(bin, sharded)
		rows = append(rows,
			row{name: fmt.Sprintf("full pipeline, --shards %d", opt.shards), value: fmt.Sprintf("%.0f docs/s", srate),
				note: fmt.Sprintf("%.2f× one index; %.2f× its CPU", srate/rate, sst.cpu.Seconds()/st.cpu.Seconds())},
			row{name: fmt.Sprintf("search, whole process, %d shards", opt.shards), value: fmt.Sprintf("median %.0f ms", ms(shSearch)), note: "through bleve's IndexAlias, a warm resident server"})
	}

	// The peers on the same files, each as a whole process.
	if !opt.others {
		rows = append(rows, row{name: "peers (Lucene, Xapian, ripgrep)", value: "not run", note: "-others=false"})
	} else {
		rows = append(rows, lucenePeer(opt.lucene, dir, filepath.Join(work, "lucene"), float64(len(files)), rate, cpuPerDoc, big)...)
		if opt.xapian {
			rows = append(rows, xapianPeer(dir, filepath.Join(work, "xapian"), float64(len(files)), rate, big)...)
		} else {
			rows = append(rows, row{name: "Xapian omindex on the same files", value: "not run", note: "-xapian=false"})
		}
		rows = append(rows, ripgrepPeer(dir, pnSearch, big)...)
	}

	printTable(n, mb, len(src.Languages()), big, rows)
	return nil
}

// barRow sets r's bar and whether it holds; with apply false the bar is not one
// of the for this corpus size and r gets none.
func barRow(r row, apply bool, bar string, holds bool) row {
	if !apply {
		return r
	}
	r.bar, r.holds = bar, "no"
	if holds {
		r.holds = "yes"
	}
	return r
}

// lucenePeer runs the Lucene 8 peer (../shared/tools/lucene/run.sh) on the corpus
// when the script and a JDK are present, and compares partynews with it.
func lucenePeer(script, dir, out string, files, rate, cpuPerDoc float64, big bool) []row {
	if _, err := os.Stat(script); err != nil {
		return []row{{name: "Lucene 8 on the same files", value: "not run", note: script + " not found"}}
	}
	if _, err := exec.LookPath("java"); err != nil {
		return []row{{name: "Lucene 8 on the same files", value: "not run", note: "no java: apt-get install -y --no-install-recommends default-jdk-headless liblucene8-java"}}
	}
	os.RemoveAll(out)
	cmd := exec.Command("bash", script, dir, out)
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	if err != nil {
		return []row{{name: "Lucene 8 on the same files", value: "failed", note: err.Error()}}
	}
	kv := keyValues(string(b))
	wall, cpu := num(kv["lucene-index.wall_s"]), num(kv["lucene-index.cpu_s"])
	if wall <= 0 || cpu <= 0 {
		return []row{{name: "Lucene 8 on the same files", value: "failed", note: "no wall_s/cpu_s in its summary (" + out + "/summary.txt)"}}
	}
	if docs := num(kv["lucene-index.docs"]); docs < files/2 {
		return []row{{name: "Lucene 8 on the same files", value: "failed", note: fmt.Sprintf("it indexed %.0f of %.0f files (%s/summary.txt)", docs, files, out)}}
	}
	lrate, lcpu := files/wall, cpu/files
	var walls []float64
	for _, w := range strings.Split(kv["lucene-one-query.process_wall_s"], ",") {
		if v := num(w); v > 0 {
			walls = append(walls, 1000*v)
		}
	}
	rows := []row{
		{name: "Lucene 8 on the same files", value: fmt.Sprintf("%.0f docs/s, %.2f ms CPU each", lrate, 1000*lcpu),
			note: fmt.Sprintf("whole process, %s threads; index %s× the text; peak RSS %s MB; one query as a process %s ms (JVM start included)",
				orDash(kv["lucene-index.threads"]), orDash(kv["lucene-index.index_ratio"]), orDash(kv["lucene-index.peak_rss_MB"]), medianText(walls))},
		barRow(row{name: "partynews ÷ Lucene, docs/s", value: fmt.Sprintf("%.2f", rate/lrate), note: "the goal is to pass it"}, !big, "≥ 0.5", rate/lrate >= 0.5),
		barRow(row{name: "CPU per article ÷ Lucene's", value: fmt.Sprintf("%.2f", cpuPerDoc/lcpu)}, !big, "≤ 2", cpuPerDoc/lcpu <= 2),
	}
	return rows
}

// xapianPeer indexes the corpus with Xapian's omindex when it is installed.
func xapianPeer(dir, xdb string, files, rate float64, big bool) []row {
	om, err := exec.LookPath("omindex")
	if err != nil {
		return []row{{name: "Xapian omindex on the same files", value: "not run", note: "no omindex: apt-get install xapian-omega"}}
	}
	os.RemoveAll(xdb)
	t := time.Now()
	cmd := exec.Command(om, "--db", xdb, "--url", "/", "--mime-type=txt:text/plain", dir)
	if err := cmd.Run(); err != nil {
		return []row{{name: "Xapian omindex on the same files", value: "failed", note: err.Error()}}
	}
	xrate := files / time.Since(t).Seconds()
	return []row{
		{name: "Xapian omindex on the same files", value: fmt.Sprintf("%.0f docs/s", xrate),
			note: fmt.Sprintf("%.1f CPU-s; its index %.0f MB", (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds(), float64(dirSize(xdb))/1e6)},
		barRow(row{name: "partynews ÷ Xapian, docs/s", value: fmt.Sprintf("%.2f", rate/xrate)}, !big, "≥ 1.5", rate/xrate >= 1.5),
	}
}

// ripgrepPeer times ripgrep over the files (one warm-up, median of five) and
// compares partynews's whole-process search with it.
func ripgrepPeer(dir string, pnSearch float64, big bool) []row {
	rg, err := exec.LookPath("rg")
	if err != nil {
		return []row{{name: "ripgrep over the files", value: "not run", note: "no rg: apt-get install ripgrep"}}
	}
	var d []float64
	for i := 0; i < 6; i++ {
		t := time.Now()
		exec.Command(rg, "-c", "18-NQ/TW", dir).Run()
		if i > 0 {
			d = append(d, ms(time.Since(t)))
		}
	}
	sort.Float64s(d)
	return []row{
		{name: "ripgrep over the files", value: fmt.Sprintf("median %.0f ms", d[len(d)/2]), note: "rg -c 18-NQ/TW, after one warm-up run"},
		barRow(row{name: "search, whole process, vs ripgrep", value: fmt.Sprintf("%.1f× faster", d[len(d)/2]/pnSearch)}, !big, "≥ 3×", d[len(d)/2] >= 3*pnSearch),
	}
}

// keyValues reads run.sh's summary: "label: k=v k=v | k=v ..." lines, as
// "label.k" → v.
func keyValues(s string) map[string]string {
	kv := map[string]string{}
	for _, l := range strings.Split(s, "\n") {
		label, rest, ok := strings.Cut(l, ": ")
		if !ok {
			continue
		}
		for _, f := range strings.Fields(rest) {
			if k, v, ok := strings.Cut(f, "="); ok {
				kv[label+"."+k] = v
			}
		}
	}
	return kv
}

func num(s string) float64 {
	var f float64
	fmt.Sscan(s, &f)
	return f
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func medianText(v []float64) string {
	if len(v) == 0 {
		return "–"
	}
	sort.Float64s(v)
	return fmt.Sprintf("%.0f", v[len(v)/2])
}

// processSearch returns the median wall time of ten whole search processes,
// after one untimed: with server, through a resident server started before
// (and stopped after), else with PARTYNEWS_SERVER=off.
func processSearch(bin, idx string, server bool) time.Duration {
	if server {
		if srv, err := startServer(bin, idx); err != nil { // the searches start one by themselves
			fmt.Fprintln(os.Stderr, "pnbench:", err)
		} else {
			defer srv.stop()
		}
		runSearch(bin, idx, "document:18-NQ/TW", true) // the server's first answer warms it
	} else {
		stopServer(bin, idx)
	}
	var d []time.Duration
	var failed error
	for i := 0; i < 11; i++ {
		o := runSearch(bin, idx, "document:18-NQ/TW", server)
		if o.err != nil {
			failed = o.err // a search stopped at its --timeout on a busy machine: timed all the same
		}
		if i > 0 {
			d = append(d, o.wall)
		}
	}
	if failed != nil {
		fmt.Fprintln(os.Stderr, "pnbench: whole-process search:", failed)
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[len(d)/2]
}

func ratio(rate, raw float64) string {
	if raw == 0 {
		return ""
	}
	return fmt.Sprintf("%.0f%% of bleve alone", 100*rate/raw)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

type summary struct {
	Seen, Indexed, Duplicate, Unchanged int
}

// runStat is one partynews index process.
type runStat struct {
	sum       summary
	wall, cpu time.Duration
	rss, anon int64          // the kernel's peak RSS (mapped index files included) and peak RssAnon
	progress  []progressMark // from its progress lines
}

type progressMark struct {
	at            time.Duration
	done, indexed int
}

// thirds returns the rates of the first and the last third of the files, read
// off the progress lines (linear between two lines); the last third runs to the
// end of the process. 0 when there are too few lines to tell.
func (s runStat) thirds() (first, last float64) {
	total := s.sum.Seen
	marks := append([]progressMark{{}}, s.progress...)
	if len(marks) < 4 || total == 0 {
		return 0, 0
	}
	marks = append(marks, progressMark{at: s.wall, done: total})
	at := func(done float64) time.Duration {
		for i := 1; i < len(marks); i++ {
			a, b := marks[i-1], marks[i]
			if float64(b.done) >= done && b.done > a.done {
				f := (done - float64(a.done)) / float64(b.done-a.done)
				return a.at + time.Duration(f*float64(b.at-a.at))
			}
		}
		return s.wall
	}
	third := float64(total) / 3
	t1, t2 := at(third), at(2*third)
	if t1 <= 0 || t2 >= s.wall {
		return 0, 0
	}
	return third / t1.Seconds(), third / (s.wall - t2).Seconds()
}

// indexRun runs partynews index and measures it: wall and CPU time, the
// kernel's peak RSS (file pages that scorch maps count too), the peak of its
// anonymous memory (RssAnon, sampled every 200 ms), and its progress lines
// (partynews logs one every 10 s when stderr is not a terminal), which go on to
// our stderr.
//
// With probe, it runs the probe's search at its moment, if the run lasts that
// long.
func indexRun(bin, idx, dir string, probe *freshProbe, flags ...string) (runStat, error) {
	var st runStat
	cmd := exec.Command(bin, append(append([]string{"index", "--index", idx, "--json"}, flags...), dir)...)
	var out bytes.Buffer
	cmd.Stdout = &out
	errPipe, err := cmd.StderrPipe()
	if err != nil {
		return st, err
	}
	t := time.Now()
	if err := cmd.Start(); err != nil {
		return st, err
	}
	logged := make(chan struct{})
	go func() {
		defer close(logged)
		sc := bufio.NewScanner(errPipe)
		for sc.Scan() {
			l := sc.Text()
			fmt.Fprintln(os.Stderr, l)
			if i := strings.Index(l, " done="); i >= 0 && strings.Contains(l, "msg=indexing") {
				var done, indexed int
				if _, err := fmt.Sscan(l[i+len(" done="):], &done); err == nil {
					if j := strings.Index(l, " indexed="); j >= 0 {
						fmt.Sscan(l[j+len(" indexed="):], &indexed)
					}
					st.progress = append(st.progress, progressMark{time.Since(t), done, indexed})
				}
			}
		}
	}()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid))
			if err != nil {
				return
			}
			for _, l := range strings.Split(string(b), "\n") {
				var kb int64
				if _, err := fmt.Sscanf(l, "RssAnon: %d kB", &kb); err == nil && kb<<10 > st.anon {
					st.anon = kb << 10
				}
			}
			time.Sleep(200 * time.Millisecond)
		}
	}()
	exited := make(chan struct{})
	probed := make(chan struct{})
	go func() {
		defer close(probed)
		if probe == nil {
			return
		}
		select {
		case <-time.After(probe.at - time.Since(t)):
			probe.run(bin, idx, time.Since(t))
		case <-exited:
		}
	}()
	<-logged // the pipe closes when the process exits
	err = cmd.Wait()
	st.wall = time.Since(t)
	close(exited)
	<-done
	<-probed
	if probe != nil && !probe.ran && err == nil { // the run ended before the probe's moment
		probe.run(bin, idx, time.Since(t))
		probe.afterEnd = true
	}
	json.Unmarshal(out.Bytes(), &st.sum)
	if err != nil {
		return st, fmt.Errorf("index run: %w", err)
	}
	st.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	st.rss = cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10
	return st, nil
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}

func machine() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	model := ""
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "model name") {
			model = strings.TrimSpace(strings.SplitN(l, ":", 2)[1])
			break
		}
	}
	return fmt.Sprintf("%s, %d CPUs", model, runtime.NumCPU())
}

// searchRows measures searches on the index full: in process on a warm reader,
// as whole processes (with the resident server and without), -concurrent at
// once, and what check costs. pnSearch is the whole-process median in ms.
func searchRows(bin, full string, big bool) (rows []row, pnSearch float64, err error) {
	r, err := search.Open(full)
	if err != nil {
		return nil, 0, err
	}
	facets := []string{"lang", "person", "document"}
	t0 := time.Now()
	r.WarmFacets(facets...)
	warm := time.Since(t0)
	var lat []time.Duration
	queries := []string{"सम्मेलन", `"हो ची मिन्ह"`, "document:18-NQ/TW", "date:>=2024-01-01 कांग्रेस", "كانفرنس lang:ur", "congress"}
	for i := 0; i < 300; i++ {
		q, _ := search.ParseQuery(queries[i%len(queries)])
		t := time.Now()
		if _, err := r.Search(context.Background(), q, search.SearchOptions{Limit: 10, Facets: facets}); err != nil {
			return nil, 0, err
		}
		lat = append(lat, time.Since(t))
	}
	r.Close()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	rows = append(rows, row{name: "search in process (top 10, snippets, 3 facets)", value: fmt.Sprintf("p50 %.1f ms, p95 %.1f ms", ms(lat[len(lat)/2]), ms(lat[len(lat)*95/100])),
		note: fmt.Sprintf("facets warmed in %.0f ms", ms(warm))})
	srvSearch := processSearch(bin, full, true)
	offSearch := processSearch(bin, full, false)
	pnSearch = ms(srvSearch)
	searchCap := 50.0
	if big {
		searchCap = 100
	}
	rows = append(rows,
		barRow(row{name: "search, whole process (start to hits)", value: fmt.Sprintf("median %.0f ms", pnSearch),
			note: "partynews search document:18-NQ/TW, 10 processes, a warm resident server (the default)"}, true, fmt.Sprintf("≤ %.0f ms", searchCap), pnSearch <= searchCap),
		row{name: "search, whole process, PARTYNEWS_SERVER=off", value: fmt.Sprintf("median %.0f ms", ms(offSearch)), note: "each process opens the index"})
	if opt.concurrent > 0 {
		rows = append(rows, teamRows(bin, full, opt.concurrent, max(opt.rounds, 1), big)...)
	}
	if opt.check {
		rows = append(rows, checkRow(bin, full))
	}
	return rows, pnSearch, nil
}

// printTable prints the corpus line and the table of rows.
func printTable(n int, mb float64, langs int, big bool, rows []row) {
	fmt.Printf("\n%d generated articles, %.1f MB, %d languages; %s\n", n, mb, langs, machine())
	fmt.Printf("bars: issue 13's for %s articles; issue 14's (concurrent searches, freshness) are for 300,000\n\n", map[bool]string{false: "20,000", true: "300,000"}[big])
	fmt.Printf("| %-46s | %-28s | %-10s | %-5s | %s\n|%s|%s|%s|%s|%s\n", "measure", "value", "bar", "holds", "note",
		strings.Repeat("-", 48), strings.Repeat("-", 30), strings.Repeat("-", 12), strings.Repeat("-", 7), strings.Repeat("-", 30))
	for _, r := range rows {
		fmt.Printf("| %-46s | %-28s | %-10s | %-5s | %s\n", r.name, r.value, r.bar, r.holds, r.note)
	}
}
