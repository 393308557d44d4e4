/**
 * The WPS 加载项's main page script (index.html, loaded hidden by WPS with the add-in): the
 * callbacks ribbon.xml names. 绩效自评 opens the task pane (taskpane.html, the React pane over the
 * WPS gateway) docked on the right, or shows and hides the one already open.
 * Plain ES5-era JavaScript: WPS's older webviews run it as it is, unbundled.
 */
/* global wps */
/* exported OnAddinLoad, OnAction, GetImage */
/* eslint-disable @typescript-eslint/no-unused-vars -- ribbon.xml calls these by name */
var PANE_KEY = "selfeval_taskpane_id";

function addinBase() {
  var href = document.location.href;
  return href.substring(0, href.lastIndexOf("/") + 1);
}

function OnAddinLoad(ribbonUI) {
  if (typeof window.Application !== "object" && typeof wps === "object") {
    window.Application = wps.EtApplication();
  }
  window.ribbonUI = ribbonUI;
  return true;
}

function OnAction(control) {
  if (control.Id !== "selfevalOpenPane") return true;
  var id = wps.PluginStorage.getItem(PANE_KEY);
  if (id) {
    var existing = wps.GetTaskPane(id);
    existing.Visible = !existing.Visible;
    return true;
  }
  var pane = wps.CreateTaskPane(addinBase() + "taskpane.html", "绩效自评");
  pane.DockPosition = 2; // msoCTPDockPositionRight (KsoMsoCTPDockPosition)
  pane.Visible = true;
  wps.PluginStorage.setItem(PANE_KEY, pane.ID);
  return true;
}

function GetImage(control) {
  return control.Id === "selfevalOpenPane" ? "assets/icon-32.png" : "";
}
