// The main window: assembles the views; owns no logic of its own.
#pragma once

#include "common/manifest.h"

#include <QMainWindow>

namespace pc::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const Manifest& manifest, QWidget* parent = nullptr);

private:
    void showAbout();
    Manifest m_manifest;
};

} // namespace pc::ui
