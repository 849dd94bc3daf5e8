// Chart view and chart export dialog.
#include "chartview.h"
#include "app/uilanguage.h"

#include "app/workbench.h"
#include "chart/chartexport.h"
#include "chart/timelinepainter.h"
#include "lazyreload.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace pc::ui {

TimelineWidget::TimelineWidget(QWidget* parent)
    : QWidget(parent) {
    setMinimumHeight(120);
    setAutoFillBackground(true);
    setPalette(QPalette(Qt::white));
}

void TimelineWidget::setRows(const QList<ComparisonRow>& rows, const ChartStyle& style) {
    m_rows = rows;
    m_style = style;
    update();
}

void TimelineWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), Qt::white);
    TimelinePainter::paint(m_rows, p, size(), m_style);
}

ChartView::ChartView(Workbench& workbench, QWidget* parent)
    : QWidget(parent)
    , m_wb(workbench)
    , m_chartView(new QChartView(this))
    , m_kind(new QComboBox(this))
    , m_timeline(new TimelineWidget(this))
    , m_lazy(new LazyReload(this, [this] { reload(); })) {
    m_kind->setObjectName(QStringLiteral("chartKind"));
    for (const char* k : {"plans", "bars", "distribution", "trend"})
        m_kind->addItem(QString(), QString::fromLatin1(k));
    connect(m_kind, &QComboBox::activated, this, [this](int i) { setKind(m_kind->itemData(i).toString()); });
    setObjectName(QStringLiteral("chartView"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    auto* split = new QSplitter(Qt::Vertical, this);
    // Forty bars need their height: the chart scrolls rather than squeezing the names away.
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("chartScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_chartView);
    split->addWidget(scroll);
    split->addWidget(m_timeline);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    auto* label = new QLabel(this);
    label->setObjectName(QStringLiteral("chartKindLabel"));
    bar->addWidget(label);
    bar->addWidget(m_kind);
    bar->addStretch(1);
    layout->addLayout(bar);
    layout->addWidget(split);
    connect(&m_wb, &Workbench::indicatorChanged, m_lazy, &LazyReload::request);
    connect(&m_wb, &Workbench::dataReloaded, m_lazy, &LazyReload::request);
    m_lazy->request(); // drawn when first shown or read
}

QChart* ChartView::chart() const {
    ensureCurrent();
    return m_chartView->chart();
}

const ChartSeriesData& ChartView::series() const {
    ensureCurrent();
    return m_series;
}

ChartStyle ChartView::style() const {
    ensureCurrent();
    return m_style;
}

const QList<ComparisonRow>& ChartView::rows() const {
    ensureCurrent();
    return m_rows;
}

const ScaleChartData& ChartView::scaleData() const {
    ensureCurrent();
    return m_scale;
}

void ChartView::ensureCurrent() const {
    m_lazy->ensure();
}

void ChartView::setVisible(bool visible) {
    // A tab being switched to: updated while still hidden, so it is laid out once, at its size.
    if (visible)
        ensureCurrent();
    QWidget::setVisible(visible);
}

bool ChartView::setKind(const QString& name) {
    const int at = m_kind->findData(name);
    if (at < 0)
        return false;
    m_kind->setCurrentIndex(at);
    m_scaleKind = scaleChartKindFromName(name);
    m_lazy->request();
    return true;
}

QString ChartView::kind() const {
    return m_scaleKind ? scaleChartKindName(*m_scaleKind) : QStringLiteral("plans");
}

void ChartView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        m_lazy->request(); // the chart is drawn from scratch: title, axis, legend and jurisdictions anew
    QWidget::changeEvent(event);
}

void ChartView::reload() {
    m_lazy->markCurrent();
    const QString id = m_wb.currentIndicator();
    const QList<ComparisonRow> rows = m_wb.snapshot().rows.value(id);
    m_style = ChartStyle();
    m_style.language = interfaceLanguage();
    m_style.title = m_wb.data().indicatorName(id, m_style.language);
    m_rows = rows;
    if (auto* label = findChild<QLabel*>(QStringLiteral("chartKindLabel")))
        label->setText(tr("图表："));
    m_kind->setItemText(0, tr("各方案（含基线）"));
    m_kind->setItemText(1, tr("排序条形（市级目标参考线）"));
    m_kind->setItemText(2, tr("分布（箱线图与中位数）"));
    m_kind->setItemText(3, tr("历年趋势"));
    m_series = ChartPainter::seriesFor(rows, m_style);
    QChart* old = m_chartView->chart();
    if (m_scaleKind) {
        m_scale = ScaleCharts::dataFor(*m_scaleKind, rows, m_style);
        m_chartView->setChart(ScaleCharts::createChart(m_scale, m_style));
        m_chartView->setMinimumHeight(
            *m_scaleKind == ScaleChartKind::Bars ? int(ScaleCharts::preferredSize(m_scale).height()) : 0);
    } else {
        m_chartView->setMinimumHeight(0);
        m_chartView->setChart(ChartPainter::createChart(m_series, m_style));
    }
    delete old;
    m_timeline->setVisible(!m_scaleKind);
    m_timeline->setRows(rows, m_style);
}

namespace {

class ExportChartDialog : public QDialog {
public:
    explicit ExportChartDialog(QWidget* parent)
        : QDialog(parent) {
        setWindowTitle(ChartView::tr("导出图表"));
        QSettings s;
        width->setRange(200, 4000);
        height->setRange(150, 4000);
        dpi->setRange(72, 600);
        width->setValue(s.value(QStringLiteral("export/width"), 800).toInt());
        height->setValue(s.value(QStringLiteral("export/height"), 500).toInt());
        dpi->setValue(s.value(QStringLiteral("export/dpi"), 150).toInt());
        width->setSuffix(QStringLiteral(" px"));
        height->setSuffix(QStringLiteral(" px"));
        auto* form = new QFormLayout(this);
        form->addRow(ChartView::tr("宽度（96 DPI 下）："), width);
        form->addRow(ChartView::tr("高度（96 DPI 下）："), height);
        form->addRow(ChartView::tr("分辨率（DPI）："), dpi);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        form->addRow(buttons);
    }
    void remember() const {
        QSettings s;
        s.setValue(QStringLiteral("export/width"), width->value());
        s.setValue(QStringLiteral("export/height"), height->value());
        s.setValue(QStringLiteral("export/dpi"), dpi->value());
    }
    QSpinBox* width = new QSpinBox(this);
    QSpinBox* height = new QSpinBox(this);
    QSpinBox* dpi = new QSpinBox(this);
};

} // namespace

void ChartView::exportChart() {
    ensureCurrent();
    const QString id = m_wb.currentIndicator();
    if (id.isEmpty())
        return;
    QSettings s;
    const QString dir = s.value(QStringLiteral("export/dir")).toString();
    const QString path = QFileDialog::getSaveFileName(this, tr("导出图表"),
                                                      dir + QLatin1Char('/') + id + QStringLiteral(".png"),
                                                      ChartExport::nameFilter());
    if (path.isEmpty())
        return;
    ExportChartDialog dlg(this);
    if (dlg.exec() != QDialog::Accepted)
        return;
    dlg.remember();
    s.setValue(QStringLiteral("export/dir"), QFileInfo(path).absolutePath());
    ChartExportOptions opt;
    opt.size = QSizeF(dlg.width->value(), dlg.height->value());
    opt.dpi = dlg.dpi->value();
    if (m_scaleKind) // forty bars need their height whatever the dialog remembers
        opt.size.setHeight(std::max(opt.size.height(), ScaleCharts::preferredSize(m_scale).height()));
    const Status st = m_scaleKind ? ScaleCharts::write(m_scale, path, m_style, opt.size, opt.dpi)
                                  : ChartExport::write(m_series, path, m_style, opt);
    if (!st)
        QMessageBox::warning(this, tr("导出图表"), st.errorMessage());
    else
        m_wb.message(tr("图表已导出到 %1").arg(path));
}

} // namespace pc::ui
