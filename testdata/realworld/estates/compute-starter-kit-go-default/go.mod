module compute-starter-kit-go

go 1.23

require github.com/fastly/compute-sdk-go v1.4.2
