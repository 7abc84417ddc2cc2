module compute-starter-kit-go-fanout-forward

go 1.21

require github.com/fastly/compute-sdk-go v1.3.3
