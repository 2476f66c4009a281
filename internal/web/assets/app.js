// casebundle serve: the little script the pages use. Every page also
// works without it (plain forms); the script adds progress bars, folder
// drops, the live ID check and the build's progress.
"use strict";
(function () {
  var body = document.body;
  var csrf = body.dataset.csrf;
  var words = {};
  try { words = JSON.parse(document.getElementById("words").textContent); } catch (e) {}
  function w(k) { return words["js." + k] || k; }
  function fmt(s) { var a = arguments, i = 1; return s.replace(/%d/g, function () { return a[i++]; }); }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }

  document.querySelectorAll("[data-back]").forEach(function (a) {
    a.addEventListener("click", function (ev) { if (history.length > 1) { ev.preventDefault(); history.back(); } });
  });

  // ---- uploads -----------------------------------------------------
  var upform = document.getElementById("upload");
  if (upform) {
    var list = document.getElementById("uploads");
    var filelist = document.getElementById("filelist");
    var queue = [], running = 0;
    var pump = function () {
      while (running < 2 && queue.length) { running++; send(queue.shift()); }
    };
    var send = function (job) {
      var fd = new FormData();
      fd.append("mtime", String(job.file.lastModified || 0));
      fd.append("path", job.path);
      fd.append("file", job.file, job.file.name);
      var x = new XMLHttpRequest();
      x.open("POST", upform.action);
      x.setRequestHeader("X-CSRF-Token", csrf);
      x.setRequestHeader("Accept", "application/json");
      job.state.textContent = w("uploading");
      x.upload.onprogress = function (e) { if (e.lengthComputable) job.bar.value = Math.round(100 * e.loaded / e.total); };
      x.onload = function () {
        var r = {};
        try { r = JSON.parse(x.responseText); } catch (e) {}
        if (x.status === 200 && r.files) {
          job.bar.value = 100;
          job.state.textContent = w("uploaded");
          job.li.classList.add("done");
          var none = document.getElementById("nofiles");
          if (none) none.remove();
          r.files.forEach(function (f) {
            var t = document.createElement("template");
            t.innerHTML = f.html.trim();
            if (t.content.firstChild) filelist.appendChild(t.content.firstChild);
          });
        } else {
          job.state.textContent = w("failed") + ": " + (r.error || x.status);
          job.state.classList.add("bad");
        }
        running--; pump();
      };
      x.onerror = function () { job.state.textContent = w("failed"); job.state.classList.add("bad"); running--; pump(); };
      x.send(fd);
    };
    var add = function (file, path) {
      var li = el("li"), name = el("span", "uname", path), bar = el("progress"), state = el("span", "ustate", w("waiting"));
      bar.max = 100; bar.value = 0;
      bar.setAttribute("aria-label", path);
      li.append(name, bar, state);
      list.appendChild(li);
      queue.push({ file: file, path: path, li: li, bar: bar, state: state });
    };
    upform.querySelectorAll("input[type=file]").forEach(function (inp) {
      inp.addEventListener("change", function () {
        Array.prototype.forEach.call(inp.files, function (f) { add(f, f.webkitRelativePath || f.name); });
        inp.value = "";
        pump();
      });
    });
    var walk = function (entry, prefix) {
      return new Promise(function (done) {
        if (entry.isFile) {
          entry.file(function (f) { add(f, prefix + f.name); done(); }, function () { done(); });
        } else if (entry.isDirectory) {
          var reader = entry.createReader(), all = [];
          var more = function () {
            reader.readEntries(function (ents) {
              if (!ents.length) {
                Promise.all(all.map(function (e) { return walk(e, prefix + entry.name + "/"); })).then(done);
                return;
              }
              all = all.concat(Array.prototype.slice.call(ents));
              more();
            }, function () { done(); });
          };
          more();
        } else { done(); }
      });
    };
    var drop = document.getElementById("drop");
    ["dragenter", "dragover"].forEach(function (t) { drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add("over"); }); });
    drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
    drop.addEventListener("drop", function (e) {
      e.preventDefault(); drop.classList.remove("over");
      var items = e.dataTransfer.items, ps = [];
      if (items && items.length && items[0].webkitGetAsEntry) {
        for (var i = 0; i < items.length; i++) { var en = items[i].webkitGetAsEntry(); if (en) ps.push(walk(en, "")); }
        Promise.all(ps).then(pump);
      } else {
        Array.prototype.forEach.call(e.dataTransfer.files, function (f) { add(f, f.name); });
        pump();
      }
    });
  }

  // ---- facts: prefilled values and the ID check ------------------------
  document.querySelectorAll("[data-pf]").forEach(function (inp) {
    if (!inp.dataset.pf) return;
    inp.addEventListener("input", function () {
      var box = document.getElementById(inp.dataset.pf);
      if (box) box.checked = true; // a value the user typed is the user's
    });
  });
  document.querySelectorAll("input.txnid").forEach(function (inp) {
    var out = document.getElementById(inp.getAttribute("aria-describedby"));
    var timer = null, lang = body.dataset.lang;
    inp.addEventListener("input", function () {
      clearTimeout(timer);
      if (!inp.value.trim()) { out.textContent = ""; out.className = "idcheck"; return; }
      out.textContent = w("checking");
      timer = setTimeout(function () {
        fetch("/api/txn?id=" + encodeURIComponent(inp.value), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.json(); })
          .then(function (c) {
            var kind = lang === "en" ? c.kind_en : c.kind_zh, prob = lang === "en" ? c.problem_en : c.problem_zh;
            out.className = "idcheck form-" + c.form;
            if (c.form === "valid") out.textContent = "✓ " + kind + (c.date ? " · " + c.date : "");
            else if (c.form === "invalid") out.textContent = "✗ " + prob;
            else out.textContent = "? " + kind;
          }).catch(function () { out.textContent = ""; });
      }, 250);
    });
  });

  // ---- build ------------------------------------------------------------
  var bform = document.getElementById("buildform");
  if (bform) {
    var box = document.getElementById("buildprogress"), bar = document.getElementById("buildbar"), text = document.getElementById("buildtext");
    var btn = document.getElementById("buildbtn");
    var poll = function () {
      fetch(bform.dataset.status, { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); }).then(function (s) {
        if (!s.running) { location.reload(); return; }
        if (s.stage === "pages") { bar.removeAttribute("value"); text.textContent = w("pages") + " · " + fmt(w("pagesn"), s.pages); }
        else if (s.stage === "verify") { bar.removeAttribute("value"); text.textContent = w("verifying"); }
        else if (s.stage === "thumbnails") { bar.removeAttribute("value"); text.textContent = w("thumbnails"); }
        else { bar.max = Math.max(s.total, 1); bar.value = s.files; text.textContent = w("building") + " · " + fmt(w("files"), s.files, s.total); }
        setTimeout(poll, 400);
      }).catch(function () { setTimeout(poll, 1000); });
    };
    bform.addEventListener("submit", function (e) {
      e.preventDefault();
      btn.disabled = true;
      box.hidden = false;
      text.textContent = w("building");
      fetch(bform.action, { method: "POST", headers: { "X-CSRF-Token": csrf, Accept: "application/json" } })
        .then(function (r) { return r.json().then(function (j) { return { status: r.status, j: j }; }); })
        .then(function (r) {
          if (r.status === 202) { poll(); return; }
          btn.disabled = false;
          text.textContent = w("error") + ": " + (r.j.error || r.status);
        }).catch(function () { btn.disabled = false; text.textContent = w("error"); });
    });
    if (!box.hidden) { btn.disabled = true; poll(); }
  }

  // ---- verify -----------------------------------------------------------
  var vform = document.getElementById("verifyform");
  if (vform) {
    var vout = document.getElementById("verifyresult"), vdrop = document.getElementById("verifydrop");
    var verify = function (file) {
      var fd = new FormData();
      fd.append("zip", file, file.name);
      vout.textContent = w("verifying") + " " + file.name + " …";
      fetch(vform.action, { method: "POST", body: fd, headers: { "X-CSRF-Token": csrf, Accept: "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (j) {
          if (j.html) { vout.innerHTML = j.html; } else { vout.textContent = w("error") + ": " + (j.error || ""); }
        }).catch(function () { vout.textContent = w("error"); });
    };
    var zinp = vform.querySelector("input[type=file]");
    zinp.addEventListener("change", function () { if (zinp.files.length) verify(zinp.files[0]); zinp.value = ""; });
    ["dragenter", "dragover"].forEach(function (t) { vdrop.addEventListener(t, function (e) { e.preventDefault(); vdrop.classList.add("over"); }); });
    vdrop.addEventListener("dragleave", function () { vdrop.classList.remove("over"); });
    vdrop.addEventListener("drop", function (e) { e.preventDefault(); vdrop.classList.remove("over"); if (e.dataTransfer.files.length) verify(e.dataTransfer.files[0]); });
  }
})();
