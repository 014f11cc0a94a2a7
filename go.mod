module gopy

go 1.26.7

require (
	github.com/oklog/ulid/v2 v2.1.2
	golang.org/x/text v0.44.0
)

require (
	go.etcd.io/bbolt v1.5.0 // indirect
	golang.org/x/sys v0.45.0 // indirect
)
