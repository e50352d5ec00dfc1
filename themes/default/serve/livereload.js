// Injected only by `vejviser serve`: reloads the page after a rebuild.
(function () {
  var last = null;
  function poll() {
    fetch("/__vejviser/version", { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (last !== null && v !== last) { location.reload(); }
        last = v;
      })
      .catch(function () {})
      .then(function () { setTimeout(poll, 300); });
  }
  poll();
})();
