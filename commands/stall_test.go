package commands_test

import (
	"context"
	"net"
	"net/url"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// silentProxy forwards TCP to PostgreSQL and can go silent: it keeps every
// connection open and passes nothing either way, the way a network partition
// looks to the bot (no reset, no answer, not even to a cancel request).
type silentProxy struct {
	addr   string
	mu     sync.Mutex
	paused bool
	resume *sync.Cond
}

func startSilentProxy(t *testing.T, target string) *silentProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &silentProxy{addr: ln.Addr().String()}
	p.resume = sync.NewCond(&p.mu)
	t.Cleanup(func() { ln.Close(); p.speak() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			go p.pipe(up, c)
			go p.pipe(c, up)
		}
	}()
	return p
}

// pipe copies from src to dst, holding each chunk while the proxy is silent.
func (p *silentProxy) pipe(dst, src net.Conn) {
	defer dst.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		p.mu.Lock()
		for p.paused {
			p.resume.Wait()
		}
		p.mu.Unlock()
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil { // io.EOF or a closed connection
			return
		}
	}
}

func (p *silentProxy) silence() {
	p.mu.Lock()
	p.paused = true
	p.mu.Unlock()
}

func (p *silentProxy) speak() {
	p.mu.Lock()
	p.paused = false
	p.mu.Unlock()
	p.resume.Broadcast()
}

// A write from Slack while the network to the database goes silent is
// answered by the deadline, and not with "nothing was saved", which no one
// can know then (issue 20, break 6).
func TestWriteIsAnsweredByTheDeadlineWhenTheNetworkGoesSilent(t *testing.T) {
	t.Parallel()
	direct := dbtest.MigratedURL(t) // migrated: the test is about the silent network, not the migrations
	u, err := url.Parse(direct)
	if err != nil {
		t.Fatal(err)
	}
	proxy := startSilentProxy(t, u.Host)
	u.Host = proxy.addr
	ctx := context.Background()
	store, err := db.Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { proxy.speak(); _ = store.Close() })
	if err := store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	slack := commands.Caller{UserID: "U1", Source: commands.SourceSlash}
	warm := commands.New(commands.Config{Store: store, Now: func() time.Time { return fixedNow }})
	if r := warm.Handle(ctx, slack, "add 1 youth"); r.Outcome != commands.OutcomeOK {
		t.Fatalf("warm-up add: %s", r.Text())
	}
	svc := commands.New(commands.Config{Store: store, Now: func() time.Time { return fixedNow }, DBDeadline: time.Second})

	proxy.silence()
	replied := make(chan commands.Reply, 1)
	go func() { replied <- svc.Handle(ctx, slack, "add 10 youth") }()
	var r commands.Reply
	select {
	case r = <-replied:
		proxy.speak()
	case <-time.After(8 * time.Second):
		proxy.speak()
		r = <-replied
		t.Fatalf("answered only once the network spoke again, past the deadline:\n%s", r.Text())
	}
	if r.Outcome == commands.OutcomeOK {
		t.Fatalf("a write the database never confirmed was reported saved:\n%s", r.Text())
	}
	mustContain(t, r.Text(), "may have been", "/jobs list")
}
