package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
)

// httpConfig is what `bench http` runs.
type httpConfig struct {
	url, secret, phase, dbURL, team string
	clients                         int
	duration, timeout               time.Duration
	maxRequests                     int64
	users                           int
	pid                             int
}

// httpFlags declares the flags of `bench http`, shared with `bench compare`.
func httpFlags(fs *flag.FlagSet, cfg *httpConfig) {
	fs.StringVar(&cfg.url, "url", "http://127.0.0.1:3999", "base URL of a running `jobsbot serve` (loopback only)")
	fs.StringVar(&cfg.secret, "secret", "", "the bot's SLACK_SIGNING_SECRET, to sign requests (required)")
	fs.IntVar(&cfg.clients, "c", 32, "concurrent clients")
	fs.DurationVar(&cfg.duration, "d", 20*time.Second, "how long to send (at most 10m)")
	fs.Int64Var(&cfg.maxRequests, "max", 2_000_000, "stop after this many requests even if -d has not passed")
	fs.DurationVar(&cfg.timeout, "timeout", 10*time.Second, "per-request timeout")
	fs.IntVar(&cfg.users, "users", 200, "number of distinct Slack user IDs")
	fs.StringVar(&cfg.team, "team", "T0BENCH", "team_id sent (must be allowed by the bot's SLACK_TEAM_ID, if set)")
	fs.StringVar(&cfg.dbURL, "db", "", "the bot's DATABASE_URL: after an add run, check the ledger against the acknowledgements")
	fs.IntVar(&cfg.pid, "pid", 0, "process ID of the running bot: print its resident memory after the run")
}

// check validates the configuration.
func (cfg httpConfig) check() error {
	switch {
	case cfg.secret == "":
		return errors.New("-secret is required: the bot refuses unsigned requests")
	case cfg.phase != "add" && cfg.phase != "status":
		return fmt.Errorf("-phase must be add or status, not %q", cfg.phase)
	case cfg.clients < 1 || cfg.clients > 1024:
		return errors.New("-c must be between 1 and 1024")
	case cfg.duration <= 0 || cfg.duration > 10*time.Minute:
		return errors.New("-d must be positive and at most 10m")
	case cfg.maxRequests < 1:
		return errors.New("-max must be positive")
	case cfg.users < 1:
		return errors.New("-users must be positive")
	}
	if err := loopbackURL(cfg.url); err != nil {
		return err
	}
	if cfg.dbURL != "" {
		return loopbackURL(cfg.dbURL)
	}
	return nil
}

// runHTTP answers `bench http`.
func runHTTP(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("bench http",
		"Usage: bench http -url http://127.0.0.1:3999 -secret S -c 32 -d 20s [-phase add|status] [-db URL] [-pid PID]\n\n"+
			"Sends correctly signed slash commands to POST /slack/commands from C clients for D and\n"+
			"prints throughput, latency percentiles and errors (a non-200, or an add whose reply\n"+
			"names no new entry #N). With -db, checks afterwards that the ledger holds exactly the\n"+
			"acknowledged adds of this run (by their trigger_id, the idempotency key). Flags:")
	var cfg httpConfig
	httpFlags(fs, &cfg)
	fs.StringVar(&cfg.phase, "phase", "add", "add: `/jobs add` with varied programs, counts, dates and notes; status: `/jobs status`")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if err := cfg.check(); err != nil {
		return usageError{err}
	}
	_, err := loadHTTP(ctx, cfg, stdout)
	return err
}

// httpResult is what a load run measured.
type httpResult struct {
	requests, ok, errors int64
	elapsed              time.Duration
	perSecond            float64
	lat                  latencies
}

// replyEntry finds the new entry an add reply names, English or Korean.
var replyEntry = regexp.MustCompile(`Recorded entry #(\d+)|^#(\d+) 기록`)

// loadHTTP sends the requests, prints the figures and, for adds with a
// database, checks the ledger.
// The steps are runClient, printHTTPResult and checkLedger; what is left
// is the clients' fan-out and the merge of their tallies under one lock.
func loadHTTP(ctx context.Context, cfg httpConfig, stdout io.Writer) (httpResult, error) {
	// The trigger_id prefix of this run: every add's idempotency key starts
	// with it, which is how the check finds this run's entries.
	prefix := "bench-" + commands.RandomHex(6) + "-"
	today := dates.Today(time.Now(), dates.Seoul())
	endpoint := strings.TrimSuffix(cfg.url, "/") + "/slack/commands"
	client := &http.Client{
		Timeout: cfg.timeout,
		Transport: &http.Transport{
			MaxIdleConns:        cfg.clients,
			MaxIdleConnsPerHost: cfg.clients,
			IdleConnTimeout:     30 * time.Second,
		},
	}
	defer client.CloseIdleConnections()

	// Make sure the bot answers before starting the clock.
	if _, err := send(ctx, client, endpoint, cfg, prefix+"probe", "U0BENCHPROBE", "help"); err != nil {
		return httpResult{}, fmt.Errorf("the bot at %s does not answer a signed request: %w", cfg.url, err)
	}

	var (
		sent     atomic.Int64
		mu       sync.Mutex
		all      []time.Duration
		acked    = map[string]int64{} // trigger_id → entry ID the reply named
		failures = map[string]int{}   // kind of failure → count
		examples = map[string]string{}
		wg       sync.WaitGroup
	)
	fmt.Fprintf(stdout, "%s: %d clients for %s against %s (trigger_id prefix %s)\n",
		cfg.phase, cfg.clients, cfg.duration, endpoint, prefix)
	var waits *waitSampler
	if cfg.dbURL != "" {
		waits = startWaitSampler(ctx, cfg.dbURL)
	}
	start := time.Now()
	// Requests in flight at the deadline run to their end: cutting them off
	// would leave adds written but never acknowledged.
	deadline := start.Add(cfg.duration)
	for w := range cfg.clients {
		gen := newTextGen(uint64(w)+uint64(start.UnixNano()), today)
		wg.Go(func() {
			t := runClient(ctx, client, endpoint, cfg, fmt.Sprintf("%s%d.", prefix, w), gen, deadline, &sent)
			mu.Lock()
			all = append(all, t.latencies...)
			maps.Copy(acked, t.acks)
			for k, v := range t.fails {
				failures[k] += v
			}
			for k, v := range t.samples {
				examples[k] = v
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	if waits != nil {
		waits.report(stdout)
	}

	res := printHTTPResult(stdout, cfg, all, failures, examples, elapsed)
	if cfg.pid > 0 {
		if err := printMem(stdout, cfg.pid); err != nil {
			return res, err
		}
	}
	if cfg.phase == "add" && cfg.dbURL != "" {
		if err := checkLedger(ctx, cfg.dbURL, prefix, acked, stdout); err != nil {
			return res, err
		}
	}
	return res, nil
}

// printHTTPResult sums up a load run's latencies and failures and prints
// them.
func printHTTPResult(stdout io.Writer, cfg httpConfig, all []time.Duration, failures map[string]int, examples map[string]string, elapsed time.Duration) httpResult {
	var res httpResult
	res.requests = int64(len(all))
	for _, n := range failures {
		res.errors += int64(n)
	}
	res.ok = res.requests - res.errors
	res.elapsed = elapsed
	res.perSecond = float64(res.ok) / elapsed.Seconds()
	res.lat = summarise(all)
	fmt.Fprintf(stdout, "%s: %d requests in %s: %.1f ok req/s, %d errors\n",
		cfg.phase, res.requests, elapsed.Round(time.Millisecond), res.perSecond, res.errors)
	fmt.Fprintf(stdout, "latency %s\n", res.lat)
	for _, k := range slices.Sorted(maps.Keys(failures)) {
		fmt.Fprintf(stdout, "  error %q: %d, e.g. %s\n", k, failures[k], examples[k])
	}
	return res
}

// clientTally is what one client of a load run counted.
type clientTally struct {
	latencies []time.Duration
	acks      map[string]int64  // trigger_id → entry ID the reply named
	fails     map[string]int    // kind of failure → count
	samples   map[string]string // kind of failure → one example
}

// runClient is one client of a load run: it sends requests one after another
// (trigger IDs prefix+seq) until the deadline, ctx ends or the run has sent
// cfg.maxRequests in all (counted in sent), and tallies what came back.
func runClient(ctx context.Context, client *http.Client, endpoint string, cfg httpConfig, prefix string, gen *textGen, deadline time.Time, sent *atomic.Int64) clientTally {
	t := clientTally{acks: map[string]int64{}, fails: map[string]int{}, samples: map[string]string{}}
	for seq := 0; ctx.Err() == nil && time.Now().Before(deadline) && sent.Add(1) <= cfg.maxRequests; seq++ {
		trigger := fmt.Sprintf("%s%d", prefix, seq)
		user := fmt.Sprintf("U0BENCH%03d", gen.rng.IntN(cfg.users))
		text := "status"
		if cfg.phase == "add" {
			text = gen.add()
		}
		t0 := time.Now()
		reply, err := send(ctx, client, endpoint, cfg, trigger, user, text)
		d := time.Since(t0)
		if ctx.Err() != nil {
			break // interrupted (Ctrl-C): neither success nor error
		}
		t.latencies = append(t.latencies, d)
		kind, id := replyFailure(cfg.phase, reply, err)
		if kind == "" {
			if cfg.phase == "add" {
				t.acks[trigger] = id
			}
			continue
		}
		t.fails[kind]++
		if _, ok := t.samples[kind]; !ok {
			t.samples[kind] = fmt.Sprintf("%q -> %v %.200q", text, err, reply)
		}
	}
	return t
}

// replyFailure names what is wrong with a reply ("" if nothing) and, for an
// add, the entry ID it acknowledges.
func replyFailure(phase, reply string, err error) (kind string, entryID int64) {
	switch {
	case err != nil:
		return "request: " + errorKind(err), 0
	case phase == "add":
		m := replyEntry.FindStringSubmatch(reply)
		if m == nil {
			return "add reply names no new entry", 0
		}
		id, _ := strconv.ParseInt(m[1]+m[2], 10, 64)
		return "", id
	case !strings.Contains(reply, "Jobs status") && !strings.Contains(reply, "일자리 현황"):
		return "status reply is not a status", 0
	}
	return "", 0
}

// send posts one signed slash command and returns the reply's text.
func send(ctx context.Context, client *http.Client, endpoint string, cfg httpConfig, trigger, user, text string) (string, error) {
	body := url.Values{
		"token":        {"bench-verification-token"},
		"team_id":      {cfg.team},
		"team_domain":  {"bench"},
		"channel_id":   {"C0BENCH"},
		"channel_name": {"jobs"},
		"user_id":      {user},
		"user_name":    {strings.ToLower(user)},
		"command":      {"/jobs"},
		"text":         {text},
		"response_url": {"http://127.0.0.1:9/response"},
		"trigger_id":   {trigger},
	}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(body))
	if err != nil {
		return "", err
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(cfg.secret))
	mac.Write([]byte("v0:" + ts + ":" + body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return string(raw), fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	if len(raw) == 0 {
		// The bot answers an empty 200 when the reply was not ready within
		// Slack's time limit and will follow through response_url.
		return "", errors.New("empty 200: the reply missed the fast-reply window")
	}
	var msg struct {
		Text string `json:"text"`
	}
	if err := json.Unmarshal(raw, &msg); err != nil {
		return string(raw), fmt.Errorf("reply is not JSON: %w", err)
	}
	return msg.Text, nil
}

// errorKind shortens a transport error to its kind, so errors group.
func errorKind(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 && strings.HasPrefix(s, "Post ") {
		s = s[i+2:]
	}
	return s
}
