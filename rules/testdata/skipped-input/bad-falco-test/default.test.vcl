// A falco unit test (falco's docs/testing.md): describe groups and
// testing.*/assert.* calls are falco's, not Fastly's VCL.
describe recv_tests {
  before_recv {
    set req.http.Test = "1";
  }

  // @scope: recv
  sub test_recv {
    testing.call_subroutine("vcl_recv");
    assert.equal(req.backend, F_origin);
  }
}
