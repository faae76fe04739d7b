// Command ferretdb is the local MongoDB-wire server huitouke starts when no MONGODB_URI is set:
// FerretDB v1 embedded with its SQLite backend, so a fresh machine needs no MongoDB binary.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dir := flag.String("dir", "data/db", "directory for the SQLite files")
	logLevel := flag.String("log", "error", "log level: debug, info, warn, error")
	flag.Parse()

	abs, err := filepath.Abs(*dir)
	if err == nil {
		err = os.MkdirAll(abs, 0o755)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: data directory %s: %v\n", *dir, err)
		os.Exit(2)
	}

	var level slog.Level
	if level.UnmarshalText([]byte(*logLevel)) != nil {
		level = slog.LevelError
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/",
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %v\n", err)
		os.Exit(2)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	done := make(chan struct{})
	go func() {
		_ = f.Run(ctx)
		close(done)
	}()

	// The parent reads this line to learn the server is up; MongoDBURI blocks until it listens.
	fmt.Printf("ready %s\n", f.MongoDBURI())

	// The parent may die without a signal (SIGKILL); exit when it does so no orphan keeps the port.
	ppid := os.Getppid()
	go func() {
		for range time.Tick(time.Second) {
			if os.Getppid() != ppid {
				stop()
				return
			}
		}
	}()

	<-done
}
